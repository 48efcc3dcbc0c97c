package io.crawlpipe.parser;

/**
 * The one definition of whitespace for the text crawlpipe reports: the page title ({@link
 * TitleScanner}) and a rules field's {@code text}. A character is whitespace when it is
 *
 * <ul>
 *   <li>ASCII whitespace: tab, line feed, line tabulation (U+000B), form feed, carriage return,
 *       space;
 *   <li>U+0085 (next line);
 *   <li>a Unicode space, line or paragraph separator ({@link Character#isSpaceChar}): the
 *       no-break spaces U+00A0, U+2007 and U+202F, U+1680, U+2000 to U+200A, U+205F, U+3000,
 *       U+2028 and U+2029.
 * </ul>
 *
 * <p>Nothing else is: not the information separators U+001C to U+001F (controls, which {@link
 * Character#isWhitespace} counts), nor invisible formatting characters such as U+200B (zero-width
 * space) or U+FEFF. Stateless.
 */
public final class Whitespace {
  private Whitespace() {}

  /** True when {@code c} is whitespace as defined above. */
  public static boolean is(char c) {
    if (c <= ' ') return c == ' ' || c >= '\t' && c <= '\r';
    if (c < '\u0085') return false;
    return c == '\u0085' || Character.isSpaceChar(c);
  }

  /**
   * {@code s} with each run of whitespace replaced by one space and none at its start or end;
   * {@code s} itself when it is already so (no copy: most titles are).
   */
  public static String collapse(String s) {
    int i = firstChange(s);
    if (i == s.length()) return s;
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    boolean pendingSpace = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (is(c)) {
        pendingSpace = !out.isEmpty();
      } else {
        if (pendingSpace) out.append(' ');
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The index of the first whitespace character that {@link #collapse} replaces or drops (one
   * other than a single space between two other characters), or {@code s.length()}.
   */
  private static int firstChange(String s) {
    int last = s.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = s.charAt(i);
      if (c == ' ' ? i == 0 || i == last || is(s.charAt(i + 1)) : is(c)) return i;
    }
    return s.length();
  }
}
