package io.crawlpipe.crawler.polite;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name robots.txt groups are matched on for a User-Agent ({@link #of}), which {@link
 * RobotsPolicy} parses each robots.txt for. Stateless: any thread.
 */
final class ProductToken {
  /**
   * The bot's own name in a browser-style agent, after the first {@code compatible;}: {@code
   * Mozilla/5.0 (compatible; NAME/1.0; ...)}, or later in the agent as Googlebot's smartphone agent
   * and bingbot's put it ({@code ... (KHTML, like Gecko; compatible; bingbot/2.0; ...) Chrome/...}).
   */
  private static final Pattern COMPATIBLE = Pattern.compile("^\\s*Mozilla/.*?\\bcompatible;\\s*([^/;\\s)]+)",
      Pattern.CASE_INSENSITIVE);

  private ProductToken() {
  }

  /**
   * {@code crawlpipe/0.1.0} → {@code crawlpipe}, {@code MJ12bot/v1.4.8} → {@code mj12bot}: the
   * User-Agent up to its first {@code /} or space, lower case, as sites name agents in robots.txt
   * (digits and dots kept: dropping them made {@code MJ12bot} miss its own group and {@code
   * Bot2000} match a {@code bot} one's). A browser-style bot agent names itself after {@code
   * compatible;}, as Googlebot and bingbot do: {@code Mozilla/5.0 (compatible; MyBot/1.0; +https://…)}
   * → {@code mybot}, not {@code mozilla}. {@code crawlpipe} when the agent names nothing.
   * {@code userAgent} must not be null; never returns null or an empty token.
   */
  static String of(String userAgent) {
    Matcher compatible = COMPATIBLE.matcher(userAgent);
    String token = compatible.find() ? compatible.group(1) : userAgent.strip().split("[/\\s]", 2)[0];
    return token.isEmpty() ? "crawlpipe" : token.toLowerCase(Locale.ROOT);
  }
}
