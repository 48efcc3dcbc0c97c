package io.crawlpipe.parser;

import org.jsoup.parser.Parser;

/**
 * Finds the text of the first {@code <title>} element without building a DOM: a linear,
 * case-insensitive scan, entity decoding by jsoup, and whitespace collapsed as browsers show it.
 * This is what the default extraction needs, at a fraction of a full parse's cost. Stateless.
 *
 * <p>Tag names are matched as browsers match them: ASCII case-insensitively (so {@code <TİTLE>},
 * with U+0130, is not a title tag, although {@code Character.toLowerCase('İ')} is {@code 'i'}),
 * and the name {@code title} ends at {@code '>'}, {@code '/'} or an ASCII whitespace character
 * ({@code <title} followed by U+3000 is not a title tag). {@link ByteTitleScanner} applies the
 * same rules to undecoded bytes.
 */
public final class TitleScanner {
  private TitleScanner() {}

  /** The title, or null when the document has no title element. An empty title yields "". */
  public static String title(CharSequence html) {
    int open = findOpenTag(html);
    if (open < 0) return null;
    int end = indexOfIgnoreCase(html, "</title", open);
    if (end < 0) end = html.length();
    return clean(html.subSequence(open, end).toString());
  }

  /** The title text between the tags as shown: entities decoded, whitespace collapsed. */
  static String clean(String raw) {
    // jsoup sets up a tokeniser per call (~4 us under C1); text without '&' has no entity to decode
    return collapseWhitespace(raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, false));
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
      if (endsTagName(c)) {
        for (int i = after; i < html.length(); i++) {
          if (html.charAt(i) == '>') return i + 1;
        }
        return -1;
      }
      from = after;
    }
  }

  /** True for the characters that end a tag name: {@code '>'}, {@code '/'}, ASCII whitespace. */
  static boolean endsTagName(int c) {
    return c == '>' || c == '/' || c < 0x80 && Character.isWhitespace(c);
  }

  /** ASCII lower case: 'A'–'Z' become 'a'–'z', every other character is itself. */
  static int asciiLower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  static int indexOfIgnoreCase(CharSequence s, String lowerNeedle, int from) {
    int last = s.length() - lowerNeedle.length();
    char first = lowerNeedle.charAt(0);
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      if (s.charAt(i) != first) continue;
      for (int j = 1; j < lowerNeedle.length(); j++) {
        if (asciiLower(s.charAt(i + j)) != lowerNeedle.charAt(j)) continue outer;
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
