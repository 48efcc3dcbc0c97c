package io.crawlpipe.parser;

import org.jsoup.parser.Parser;

/**
 * Finds the text of the first {@code <title>} element without building a DOM: a linear,
 * case-insensitive scan, entity decoding by jsoup, and whitespace collapsed as browsers show it.
 * This is what the default extraction needs, at a fraction of a full parse's cost. Stateless.
 */
public final class TitleScanner {
  private TitleScanner() {}

  /** The title, or null when the document has no title element. An empty title yields "". */
  public static String title(CharSequence html) {
    int open = findOpenTag(html);
    if (open < 0) return null;
    int end = indexOfIgnoreCase(html, "</title", open);
    if (end < 0) end = html.length();
    String raw = html.subSequence(open, end).toString();
    return collapseWhitespace(Parser.unescapeEntities(raw, false));
  }

  /** Index just after the first {@code <title ...>} tag's '>', or -1. */
  private static int findOpenTag(CharSequence html) {
    int from = 0;
    while (true) {
      int at = indexOfIgnoreCase(html, "<title", from);
      if (at < 0) return -1;
      int after = at + "<title".length();
      if (after >= html.length()) return -1;
      char c = html.charAt(after);
      if (c == '>' || Character.isWhitespace(c) || c == '/') {
        for (int i = after; i < html.length(); i++) {
          if (html.charAt(i) == '>') return i + 1;
        }
        return -1;
      }
      from = after;
    }
  }

  static int indexOfIgnoreCase(CharSequence s, String lowerNeedle, int from) {
    int last = s.length() - lowerNeedle.length();
    char first = lowerNeedle.charAt(0);
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      if (s.charAt(i) != first) continue;
      for (int j = 1; j < lowerNeedle.length(); j++) {
        if (Character.toLowerCase(s.charAt(i + j)) != lowerNeedle.charAt(j)) continue outer;
      }
      return i;
    }
    return -1;
  }

  static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) out.append(' ');
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
