package io.crawlpipe.parser;

import org.jsoup.parser.Parser;

/**
 * Finds the text of the page's title without building a DOM: the markup is read by {@link
 * TitleFinder} (a linear scan that skips comments, quoted attribute values, the text of script,
 * style and the other raw-text elements, and SVG and MathML content, as a browser's tokenizer
 * does), the title's text is decoded as HTML decodes it (entities by jsoup; a NUL and a character
 * reference to a surrogate become U+FFFD) and its {@link Whitespace} collapsed. This is what the default
 * extraction needs, at a fraction of a full parse's cost. Stateless.
 *
 * <p>Tag names are matched as browsers match them: ASCII case-insensitively (so {@code <TİTLE>},
 * with U+0130, is not a title tag, although {@code Character.toLowerCase('İ')} is {@code 'i'}),
 * and the name {@code title} ends at {@code '>'}, {@code '/'} or HTML whitespace (tab, line feed,
 * form feed, carriage return, space: {@code <title} followed by U+3000 or U+000B is not a title
 * tag). {@link ByteTitleScanner} applies the same rules to undecoded bytes.
 */
public final class TitleScanner {
  private TitleScanner() {}

  /** The title, or null when the document has no title element. An empty title yields "". */
  public static String title(CharSequence html) {
    TitleFinder finder = new TitleFinder(new Markup.Chars(html), 0);
    int start = finder.titleStart();
    if (start < 0) return null;
    return clean(html.subSequence(start, finder.titleEnd(start)).toString());
  }

  /**
   * The title text between the tags as shown: NUL characters and character references to
   * surrogates replaced by U+FFFD, entities decoded, {@link Whitespace#collapse whitespace collapsed}.
   */
  static String clean(String raw) {
    String text = raw.indexOf('\0') < 0 ? raw : raw.replace('\0', '\uFFFD');
    // jsoup sets up a tokeniser per call (~4 us under C1); text without '&' has no entity to decode
    if (text.indexOf('&') >= 0) text = Parser.unescapeEntities(surrogateReferencesReplaced(text), false);
    return Whitespace.collapse(text);
  }

  /**
   * {@code s} with each numeric character reference to a surrogate (U+D800 to U+DFFF, with or
   * without its ';') replaced by U+FFFD, as HTML decodes it; jsoup would give the surrogate, and
   * two such references would make a pair. Every {@code &#} begins a numeric reference in HTML.
   */
  static String surrogateReferencesReplaced(String s) {
    int amp = s.indexOf("&#");
    if (amp < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    for (; amp >= 0; amp = s.indexOf("&#", Math.max(amp + 2, copied))) {
      int i = amp + 2;
      int radix = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X') ? 16 : 10;
      if (radix == 16) i++;
      int digits = i;
      long value = 0;
      for (int d; i < s.length() && (d = asciiDigit(s.charAt(i), radix)) >= 0; i++) {
        value = Math.min(value * radix + d, 0x110000);
      }
      if (i == digits || value < 0xD800 || value > 0xDFFF) continue;
      out.append(s, copied, amp).append('\uFFFD');
      copied = i < s.length() && s.charAt(i) == ';' ? i + 1 : i;
    }
    return copied == 0 ? s : out.append(s, copied, s.length()).toString();
  }

  private static int asciiDigit(char c, int radix) {
    if (c >= '0' && c <= '9') return c - '0';
    int lower = asciiLower(c);
    return radix == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  /** ASCII lower case: 'A'–'Z' become 'a'–'z', every other character is itself. */
  static int asciiLower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
