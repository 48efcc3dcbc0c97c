package io.crawlpipe.crawler.polite;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the outcome of one robots.txt fetch into the rules for its host (crawler-commons):
 * <ul>
 *   <li>2xx: parsed for our product token (the User-Agent up to its first {@code /} or space,
 *       lower case), falling back to the {@code *} group;
 *   <li>any other status below 500 except 429 (404, 403, 410, ...): allow all;
 *   <li>429, 5xx, or no response at all (timeout, connect error, ...): disallow all, for the run.
 * </ul>
 * A {@code Crawl-delay} above {@link #MAX_CRAWL_DELAY} disallows the whole host (crawler-commons'
 * rule: honouring it would take hours per URL, ignoring it would be rude).
 *
 * <p>Not thread-safe (the parser counts warnings): used on the scheduler's event loop only.
 */
final class RobotsPolicy {
  private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
  /** The longest {@code Crawl-delay} honoured. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
  private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
  private static final BaseRobotRules ALLOW_NONE = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);

  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY.toMillis(), 5);
  private final List<String> robotNames;

  RobotsPolicy(String userAgent) {
    this.robotNames = List.of(productToken(Objects.requireNonNull(userAgent, "userAgent")));
  }

  /** Rules that allow everything, for {@code --ignore-robots}. */
  static BaseRobotRules allowAll() {
    return ALLOW_ALL;
  }

  /** The rules for the host whose robots.txt at {@code robotsUrl} ended with {@code result} or {@code error}. */
  BaseRobotRules rules(String robotsUrl, FetchResult result, Throwable error) {
    if (result == null) {
      log.debug("robots.txt unreachable, host disallowed url={} error={}", robotsUrl, error.toString());
      return ALLOW_NONE;
    }
    int status = result.status();
    if (status >= 500 || status == 429) {
      log.debug("robots.txt failed, host disallowed url={} status={}", robotsUrl, status);
      return ALLOW_NONE;
    }
    if (!result.isSuccessful()) return ALLOW_ALL;
    return parser.parseContent(robotsUrl, result.body(), "text/plain", robotNames);
  }

  /** The crawl delay the rules ask for, or zero. */
  static Duration crawlDelay(BaseRobotRules rules) {
    long ms = rules.getCrawlDelay();
    return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }

  /** {@code crawlpipe/0.1.0} → {@code crawlpipe}; robots.txt groups are matched on this token. */
  static String productToken(String userAgent) {
    String first = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    String token = first.replaceAll("[^a-z_-]", "");
    return token.isEmpty() ? "crawlpipe" : token;
  }
}
