package io.crawlpipe.parser.rules;

import java.util.Locale;

/**
 * A query or expression from a rules file as an error message quotes it: as written up to {@link
 * #MAX} characters, else its start and end around an ellipsis, and its length, so that a message
 * about a 20,000-character XPath still fits a terminal line and a log. Never splits a surrogate pair.
 */
final class Snippet {
  static final int MAX = 120;
  private static final int HEAD = 80;
  private static final int TAIL = 30;

  private Snippet() {}

  /** {@code "text"}, or {@code "start…end" (N characters)} when longer than {@link #MAX}. */
  static String quoted(String text) {
    return text.length() <= MAX ? '"' + text + '"' : '"' + cut(text) + "\" (" + length(text) + ")";
  }

  /** {@code text}, or {@code start…end (N characters)} when longer than {@link #MAX}. */
  static String of(String text) {
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
