package io.crawlpipe.crawler;

import io.crawlpipe.crawler.polite.HostKey;
import java.util.Locale;

/** Decides whether an input line is a URL crawlpipe can fetch: absolute http(s), with a host. */
public final class UrlValidator {
  private UrlValidator() {}

  /** Null when {@code line} is fetchable; otherwise why not, as a short phrase for {@code error.message}. */
  public static String problem(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return "not a valid URL: contains whitespace or control characters";
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
}
