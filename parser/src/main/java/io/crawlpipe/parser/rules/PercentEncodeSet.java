package io.crawlpipe.parser.rules;

/**
 * The percent-encode sets of the WHATWG URL Standard that a special (http, https) URL uses: every
 * set holds the C0 controls (U+0000 to U+001F), U+007F and every code point above it, plus the
 * ASCII characters named below. A code point in the set is written as the {@code %XX} escapes of
 * its UTF-8 bytes; {@code %} is in no set, so escapes already in the text are kept as they are.
 * Immutable and thread-safe.
 */
enum PercentEncodeSet {
  /** The C0 control percent-encode set alone: the characters no part of a URL may hold as they are. */
  C0_CONTROL(""),
  /** The fragment percent-encode set, after {@code #}. */
  FRAGMENT(" \"<>`"),
  /** The special-query percent-encode set, after {@code ?} in an http(s) URL. */
  QUERY(" \"#'<>"),
  /**
   * The path percent-encode set, for each path segment, with {@code ^} (added to the standard in
   * 2025, whatwg/url #846) and {@code |}, which browsers keep but OkHttp, and so the crawler's
   * final URL, encodes: together OkHttp's path segment set.
   */
  PATH(" \"#<>?^`{|}"),
  /** The userinfo percent-encode set, for the user name and password. */
  USERINFO(" \"#<>?`{}/:;=@[\\]^|");

  private static final String HEX = "0123456789ABCDEF";
  private final String ascii;

  PercentEncodeSet(String ascii) {
    this.ascii = ascii;
  }

  /** Whether {@code codePoint} is written percent-encoded. */
  boolean encodes(int codePoint) {
    return codePoint < 0x20 || codePoint > 0x7e || ascii.indexOf(codePoint) >= 0;
  }

  /** {@code text} with every code point of this set percent-encoded; {@code text} itself when none is. */
  String encode(String text) {
    int first = 0;
    while (first < text.length() && !encodes(text.charAt(first))) first++;
    if (first == text.length()) return text;
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    append(text, first, text.length(), out);
    return out.toString();
  }

  /**
   * Appends {@code text[from, to)} to {@code out}, each code point of this set percent-encoded as
   * UTF-8. A surrogate without its pair is taken as U+FFFD, as a browser reads a string as Unicode
   * scalar values.
   */
  void append(CharSequence text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; ) {
      char unit = text.charAt(i++);
      int c = unit;
      if (Character.isHighSurrogate(unit) && i < to && Character.isLowSurrogate(text.charAt(i))) {
        c = Character.toCodePoint(unit, text.charAt(i++));
      }
      if (!encodes(c)) {
        out.append((char) c);
      } else {
        utf8(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xfffd : c, out);
      }
    }
  }

  private static void utf8(int c, StringBuilder out) {
    if (c < 0x80) {
      escape(c, out);
    } else if (c < 0x800) {
      escape(0xc0 | c >> 6, out);
      escape(0x80 | c & 0x3f, out);
    } else if (c < 0x10000) {
      escape(0xe0 | c >> 12, out);
      escape(0x80 | c >> 6 & 0x3f, out);
      escape(0x80 | c & 0x3f, out);
    } else {
      escape(0xf0 | c >> 18, out);
      escape(0x80 | c >> 12 & 0x3f, out);
      escape(0x80 | c >> 6 & 0x3f, out);
      escape(0x80 | c & 0x3f, out);
    }
  }

  private static void escape(int b, StringBuilder out) {
    out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
  }
}
