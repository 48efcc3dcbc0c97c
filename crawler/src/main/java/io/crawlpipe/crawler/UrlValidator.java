package io.crawlpipe.crawler;

import io.crawlpipe.crawler.polite.HostKey;
import java.util.Locale;

/** Decides whether an input line is a URL crawlpipe can fetch: absolute http(s), with a host. */
public final class UrlValidator {
  private UrlValidator() {}

  /**
   * The longest line taken as a URL, in characters; servers refuse far shorter ones (8 KiB is a
   * common limit), and a longer line is most likely not a URL list at all.
   */
  public static final int MAX_URL_CHARS = 65_536;

  /** Null when {@code line} is fetchable; otherwise why not, as a short phrase for {@code error.message}. */
  public static String problem(String line) {
    if (line.length() > MAX_URL_CHARS) return "not a URL: longer than " + MAX_URL_CHARS + " characters";
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (isSpace(c) || Character.isISOControl(c)) {
        return "not a valid URL: contains whitespace or control characters";
      }
      if (c == '\ufffd') {
        return "not a valid URL: contains U+FFFD, which is what a byte that is not UTF-8 reads as";
      }
    }
    int schemeEnd = line.indexOf("://");
    if (schemeEnd <= 0) return "not an absolute URL: no scheme (expected http:// or https://)";
    String scheme = line.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "unsupported scheme '" + scheme + "' (only http and https)";
    }
    try {
      HostKey.of(line); // the cheap check of a plain URL, else OkHttp's parse
      return null;
    } catch (IllegalArgumentException e) {
      return "not a valid URL: " + e.getMessage();
    }
  }

  /**
   * A space of any kind: the JDK's whitespace and, unlike {@link Character#isWhitespace}, the
   * no-break spaces (U+00A0, U+2007, U+202F) a list copied from a web page has.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
