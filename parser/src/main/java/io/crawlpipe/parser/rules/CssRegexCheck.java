package io.crawlpipe.parser.rules;

import java.util.regex.Pattern;

/**
 * The load-time check of the regexes in a CSS query, which jsoup runs on RE2/J (linear time) since
 * re2j is on the classpath. Stateless.
 */
final class CssRegexCheck {
  /** A regex pseudo-selector or attribute regex in a CSS query. */
  private static final Pattern CSS_REGEX = Pattern.compile(":matches(?:Own|WholeText|WholeOwnText)?\\(|~=");
  private static final Pattern UNGREEDY_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*U");

  private CssRegexCheck() {}

  /**
   * Refuses the Java regex syntax that RE2/J, which runs CSS's regex selectors, accepts with
   * another meaning: {@code (?U)} (ungreedy there, Unicode classes in Java) and class
   * intersection ({@code [a-z&&[^b]]}, not an intersection there). What RE2/J cannot parse at all
   * (backreferences, lookaround) it refuses itself.
   */
  static void check(String query) {
    if (!CSS_REGEX.matcher(query).find()) return;
    if (UNGREEDY_FLAG.matcher(query).find()) {
      throw new IllegalArgumentException("(?U) in a CSS regex means ungreedy to RE2/J, which runs CSS regexes,"
          + " not Unicode classes as in Java (write \\p{L} and the like instead)");
    }
    if (query.contains("&&")) {
      throw new IllegalArgumentException("a CSS regex cannot intersect classes (&&): RE2/J, which runs CSS regexes,"
          + " reads && otherwise than Java");
    }
  }
}
