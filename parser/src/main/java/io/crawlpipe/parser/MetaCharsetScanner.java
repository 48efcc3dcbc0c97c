package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The HTML standard's "prescan a byte stream to determine its encoding", on raw bytes: skips
 * {@code <!-- -->} comments, {@code <!...>}, {@code <?...>} and {@code </...>} declarations and the
 * attributes of other tags (a quoted value may hold {@code '>'}), and takes the first {@code
 * <meta>} that has a {@code charset} attribute, or a {@code content} attribute with a {@code
 * charset=} and an {@code http-equiv="content-type"}, whose label names a known encoding ({@link
 * WebEncodings}). A {@code charset} attribute is the meta's answer wherever it stands: it overrides
 * a {@code content} before it (and needs no {@code http-equiv}), and when its label names no
 * encoding the meta is passed over. A meta naming UTF-16 means UTF-8 (the bytes being read as ASCII show that they
 * are not UTF-16), one naming x-user-defined windows-1252. The scan reads only {@code
 * body[0..limit)}; a tag cut off by the limit ends it without a result. Stateless and thread-safe.
 */
final class MetaCharsetScanner {
  private static final byte[] COMMENT = {'<', '!', '-', '-'};
  private static final byte[] META = {'<', 'm', 'e', 't', 'a'};
  private static final byte[] CHARSET = {'c', 'h', 'a', 'r', 's', 'e', 't'};
  private static final byte[] CONTENT = {'c', 'o', 'n', 't', 'e', 'n', 't'};
  private static final byte[] HTTP_EQUIV = {'h', 't', 't', 'p', '-', 'e', 'q', 'u', 'i', 'v'};
  private static final byte[] CONTENT_TYPE = {'c', 'o', 'n', 't', 'e', 'n', 't', '-', 't', 'y', 'p', 'e'};

  private MetaCharsetScanner() {}

  /** The encoding declared in {@code body[0..limit)}, or null when there is none. */
  static Charset charset(byte[] body, int limit) {
    Attributes a = new Attributes(body, Math.min(limit, body.length));
    int end = a.end;
    for (int p = 0; p < end; p++) {
      if (body[p] != '<') continue;
      if (AsciiBytes.startsWithIgnoreCase(body, p, end, COMMENT)) {
        p = commentEnd(body, p + 2, end);
      } else if (AsciiBytes.startsWithIgnoreCase(body, p, end, META) && p + 5 < end && isSpaceOrSlash(body[p + 5])) {
        Charset found = meta(a, p + 5);
        if (found != null) return found;
        p = a.pos;
      } else if (p + 1 < end && isAsciiLetter(body[p + 1])
          || p + 2 < end && body[p + 1] == '/' && isAsciiLetter(body[p + 2])) {
        a.pos = p + 1;
        while (a.pos < end && !Markup.isSpace(body[a.pos]) && body[a.pos] != '>') a.pos++;
        while (a.next()) { /* skipped */ }
        p = a.pos;
      } else if (p + 1 < end && (body[p + 1] == '!' || body[p + 1] == '/' || body[p + 1] == '?')) {
        p = indexOf(body, '>', p + 2, end);
      }
      if (p < 0 || p >= end) return null;
    }
    return null;
  }

  /** The encoding a {@code <meta} whose attributes start at {@code from} declares, or null. */
  private static Charset meta(Attributes a, int from) {
    a.pos = from;
    boolean seenHttpEquiv = false, seenContent = false, seenCharset = false;
    boolean gotPragma = false;
    Boolean needPragma = null;
    Charset charset = null;
    boolean failed = false;  // a charset attribute named no encoding: a later content is not read
    while (a.next()) {
      if (!seenHttpEquiv && a.nameIs(HTTP_EQUIV)) {
        seenHttpEquiv = true;
        gotPragma = a.valueIs(CONTENT_TYPE);
      } else if (!seenContent && a.nameIs(CONTENT)) {
        seenContent = true;
        Charset declared = charset == null && !failed ? fromContent(a.body, a.valueStart, a.valueEnd) : null;
        if (declared != null) {
          charset = declared;
          needPragma = true;
        }
      } else if (!seenCharset && a.nameIs(CHARSET)) {
        seenCharset = true;  // as the standard's prescan: sets the charset whatever content said before
        charset = label(a.body, a.valueStart, a.valueEnd);
        failed = charset == null;
        needPragma = false;
      }
    }
    if (a.pos >= a.end || needPragma == null || needPragma && !gotPragma || charset == null) return null;
    String name = charset.name();
    if (name.equals("UTF-16BE") || name.equals("UTF-16LE")) return StandardCharsets.UTF_8;
    return name.equals("x-user-defined") ? WebEncodings.forName("windows-1252") : charset;
  }

  /**
   * The standard's "extract a character encoding from a meta element" on a content value: the
   * label after the first {@code charset}, optional spaces and {@code '='}, quoted or up to a
   * space or {@code ';'}; null when there is none or it names no encoding.
   */
  static Charset fromContent(byte[] b, int from, int end) {
    for (int p = from; (p = AsciiBytes.indexOfIgnoreCase(b, CHARSET, p, end)) >= 0; ) {
      p = skipSpaces(b, p + CHARSET.length, end);
      if (p >= end || b[p] != '=') continue;
      p = skipSpaces(b, p + 1, end);
      if (p >= end) return null;
      if (b[p] == '"' || b[p] == '\'') {
        int close = indexOf(b, b[p], p + 1, end);
        return close < 0 ? null : label(b, p + 1, close);
      }
      int stop = p;
      while (stop < end && !Markup.isSpace(b[stop]) && b[stop] != ';') stop++;
      return label(b, p, stop);
    }
    return null;
  }

  private static Charset label(byte[] b, int from, int end) {
    return WebEncodings.forLabel(new String(b, from, end - from, StandardCharsets.ISO_8859_1));
  }

  /** The index of the {@code '>'} that ends the comment whose {@code "--"} starts at {@code dashes}. */
  private static int commentEnd(byte[] b, int dashes, int end) {
    for (int gt = indexOf(b, '>', dashes + 2, end); gt >= 0; gt = indexOf(b, '>', gt + 1, end)) {
      if (b[gt - 1] == '-' && b[gt - 2] == '-') return gt;
    }
    return -1;
  }

  static int indexOf(byte[] b, int c, int from, int end) {
    for (int i = from; i < end; i++) if (b[i] == c) return i;
    return -1;
  }

  static int skipSpaces(byte[] b, int p, int end) {
    while (p < end && Markup.isSpace(b[p])) p++;
    return p;
  }

  private static boolean isSpaceOrSlash(byte b) {
    return Markup.isSpace(b) || b == '/';
  }

  private static boolean isAsciiLetter(byte b) {
    return Markup.isAsciiLetter(b);
  }

  /**
   * The standard's "get an attribute" over {@code body[0..end)}: each {@link #next} call reads one
   * attribute from {@link #pos} and leaves its name and value as index ranges (a quoted value
   * without its quotes). One instance reads one prescan; not thread-safe.
   */
  private static final class Attributes {
    final byte[] body;
    final int end;
    int pos;
    int nameStart;
    int nameEnd;
    int valueStart;
    int valueEnd;

    Attributes(byte[] body, int end) {
      this.body = body;
      this.end = end;
    }

    /** Reads the next attribute; false at the tag's {@code '>'} or when the input ends first. */
    boolean next() {
      while (pos < end && (Markup.isSpace(body[pos]) || body[pos] == '/')) pos++;
      if (pos >= end || body[pos] == '>') return false;
      nameStart = pos++;  // a name's first byte may be '='
      while (pos < end && body[pos] != '=' && !Markup.endsTagName(body[pos])) pos++;
      nameEnd = pos;
      valueStart = valueEnd = pos;
      pos = skipSpaces(body, pos, end);
      if (pos >= end) return false;
      if (body[pos] != '=') return true;  // no value; '/', '>' or the next name follows
      pos = skipSpaces(body, pos + 1, end);
      if (pos >= end) return false;
      byte quote = body[pos];
      if (quote == '"' || quote == '\'') {
        int close = indexOf(body, quote, pos + 1, end);
        if (close < 0) {
          pos = end;
          return false;
        }
        valueStart = pos + 1;
        valueEnd = close;
        pos = close + 1;
        return true;
      }
      valueStart = pos;
      while (pos < end && !Markup.isSpace(body[pos]) && body[pos] != '>') pos++;
      valueEnd = pos;
      return pos < end;
    }

    boolean nameIs(byte[] lower) {
      return nameEnd - nameStart == lower.length && AsciiBytes.startsWithIgnoreCase(body, nameStart, nameEnd, lower);
    }

    boolean valueIs(byte[] lower) {
      return valueEnd - valueStart == lower.length
          && AsciiBytes.startsWithIgnoreCase(body, valueStart, valueEnd, lower);
    }
  }
}
