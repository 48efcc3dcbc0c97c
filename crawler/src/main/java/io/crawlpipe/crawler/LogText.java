package io.crawlpipe.crawler;

/**
 * Text from outside — a list's line, a URL, a server's or the JDK's message — as it is written to
 * the log: a character that is not printable, such as the ESC of a terminal's colour sequence, is
 * written as an escape ({@link UrlValidator#printable}: backslash, {@code u}, four hex digits; a
 * backslash followed by {@code u} is escaped as well, so that each escape reads one way), so
 * that reading the log ({@code -v} on a terminal, {@code tail}, {@code less -R}) cannot be steered
 * by what a list or a server holds, and one entry stays on one line. Stateless.
 */
public final class LogText {
  private LogText() {}

  /** {@code text} with its characters that are not printable escaped; {@code null} for null. */
  public static String printable(String text) {
    return text == null ? "null" : UrlValidator.printable(text);
  }

  /**
   * {@code text} in double quotes, its quotes and backslashes escaped with a backslash and its
   * characters that are not printable as in {@link #printable}: a message with spaces, quotes or
   * {@code key=value} inside reads as one value; {@code null} for null. Since every backslash of
   * {@code text} is doubled, a backslash followed by {@code u} is too, rather than escaped as
   * {@link #printable} does: each escape still reads one way, and none is escaped twice.
   */
  public static String quoted(String text) {
    if (text == null) return "null";
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(c -> {
      if (c == '\\' || c == '"') out.append('\\').append((char) c);
      else UrlValidator.appendPrintable(out, c);
    });
    return out.append('"').toString();
  }
}
