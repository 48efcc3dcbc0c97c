package io.crawlpipe.parser;

/**
 * The text a {@link TitleFinder} scans, as a run of code units: the chars of a decoded document, or
 * the bytes (0–255) of an undecoded one. The finder decides only on ASCII characters (tag
 * delimiters, quotes, ASCII letters of tag names), so both views give the same decisions for a
 * charset that {@link ByteTitleScanner#canScan} accepts; see that class. Immutable.
 */
abstract sealed class Markup permits Markup.Chars, Markup.Bytes {
  /** The index just past the last code unit. */
  final int end;

  private Markup(int end) {
    this.end = end;
  }

  /** The code unit at {@code i}, {@code 0 <= i < end}: a char, or a byte as 0–255. */
  abstract int at(int i);

  /** The first index in {@code [from, end)} holding the ASCII character {@code c}, or -1. */
  abstract int indexOf(char c, int from);

  /**
   * When the ASCII letters from {@code i} spell {@code name} (see {@link TagName}) and are followed
   * by whitespace, '/' or '>', the index after them; otherwise -1.
   */
  final int afterTagName(int i, long name) {
    long packed = TagName.empty();
    for (; i < end && isAsciiLetter(at(i)) && packed != TagName.OTHER; i++) packed = TagName.append(packed, at(i));
    return packed == name && i < end && endsTagName(at(i)) ? i : -1;
  }

  /** {@link #afterTagName} of the name after {@code "</"} at {@code lt}, or -1. */
  final int afterEndTagName(int lt, long name) {
    return lt + 1 < end && at(lt + 1) == '/' ? afterTagName(lt + 2, name) : -1;
  }

  /** True for the characters that end a tag name: {@code '>'}, {@code '/'}, HTML whitespace. */
  static boolean endsTagName(int c) {
    return c == '>' || c == '/' || isSpace(c);
  }

  /** HTML's whitespace: tab, line feed, form feed, carriage return, space (not U+000B). */
  static boolean isSpace(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
  }

  static boolean isAsciiLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** A decoded document. */
  static final class Chars extends Markup {
    private final String text;

    Chars(CharSequence text) {
      super(text.length());
      this.text = text.toString();
    }

    @Override
    int at(int i) {
      return text.charAt(i);
    }

    @Override
    int indexOf(char c, int from) {
      return text.indexOf(c, from);
    }
  }

  /** An undecoded document: the whole array. */
  static final class Bytes extends Markup {
    private final byte[] body;

    Bytes(byte[] body) {
      super(body.length);
      this.body = body;
    }

    @Override
    int at(int i) {
      return body[i] & 0xff;
    }

    @Override
    int indexOf(char c, int from) {
      for (int i = Math.max(0, from); i < body.length; i++) {
        if (body[i] == c) return i;
      }
      return -1;
    }
  }
}
