package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding named by an XML declaration at the very start of a body, {@code <?xml version="1.0"
 * encoding="windows-1251"?>}, as browsers and BeautifulSoup read it for XML documents, and for
 * HTML ones without a {@code <meta>} charset (the HTML standard's "get an XML encoding"): the
 * declaration must begin at byte 0 with {@code <?xml} and whitespace, and end with {@code ?>}
 * within the bytes read; the {@code encoding} pseudo-attribute's quoted label is looked up as
 * WHATWG labels are ({@link WebEncodings}). A UTF-16 label means UTF-8: bytes read as ASCII are
 * not UTF-16. Stateless and thread-safe.
 */
final class XmlDeclaration {
  private static final byte[] START = {'<', '?', 'x', 'm', 'l'};
  private static final byte[] ENCODING = {'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g'};

  private XmlDeclaration() {}

  /** The encoding the declaration at the start of {@code body[0..limit)} names, or null. */
  static Charset charset(byte[] body, int limit) {
    int end = Math.min(limit, body.length);
    if (!startsWith(body, 0, end, START) || end <= START.length || !Markup.isSpace(body[START.length])) return null;
    int close = START.length;
    while (close + 1 < end && !(body[close] == '?' && body[close + 1] == '>')) close++;
    if (close + 1 >= end) return null;
    for (int p = START.length; p < close; p++) {
      if (!Markup.isSpace(body[p - 1]) || !startsWith(body, p, close, ENCODING)) continue;
      int q = MetaCharsetScanner.skipSpaces(body, p + ENCODING.length, close);
      if (q >= close || body[q] != '=') continue;
      q = MetaCharsetScanner.skipSpaces(body, q + 1, close);
      if (q >= close || body[q] != '"' && body[q] != '\'') return null;
      int quote = MetaCharsetScanner.indexOf(body, body[q], q + 1, close);
      if (quote < 0) return null;
      Charset charset = WebEncodings.forLabel(new String(body, q + 1, quote - q - 1, StandardCharsets.ISO_8859_1));
      return charset != null && charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
    if (at + prefix.length > end) return false;
    for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
    return true;
  }
}
