package io.crawlpipe.parser.rules;

import java.util.Locale;

/**
 * A query or expression from a rules file, or any long input an error message quotes (the CLI's
 * {@code --url}), as the message quotes it: as written up to {@link #MAX} characters, else its
 * start and end around an ellipsis, and its length, so that a message about a 20,000-character
 * XPath still fits a terminal line and a log. Never splits a surrogate pair. Stateless; arguments
 * must not be null.
 */
public final class Snippet {
  /** The longest text quoted whole; a longer one keeps its first 80 and last 30 characters. */
  public static final int MAX = 120;
  private static final int HEAD = 80;
  private static final int TAIL = 30;

  private Snippet() {}

  /** {@code "text"}, or {@code "start…end" (N characters)} when longer than {@link #MAX}. */
  public static String quoted(String text) {
    return quoted(text, '"');
  }

  /** As {@link #quoted(String)}, between {@code mark}s instead of double quotes: {@code 'start…end' (N characters)}. */
  public static String quoted(String text, char mark) {
    return text.length() <= MAX ? mark + text + mark : mark + cut(text) + mark + " (" + length(text) + ")";
  }

  /** {@code text}, or {@code start…end (N characters)} when longer than {@link #MAX}. */
  public static String of(String text) {
    return text.length() <= MAX ? text : cut(text) + " (" + length(text) + ")";
  }

  private static String cut(String text) {
    int head = Character.isHighSurrogate(text.charAt(HEAD - 1)) ? HEAD - 1 : HEAD;
    int tail = text.length() - TAIL;
    if (Character.isLowSurrogate(text.charAt(tail))) tail--;
    return text.substring(0, head) + "…" + text.substring(tail);
  }

  private static String length(String text) {
    return String.format(Locale.ROOT, "%,d characters", text.length());
  }
}
