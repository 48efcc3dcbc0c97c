package io.crawlpipe.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * A WHATWG encoding decoded with a JDK charset of another name: ISO-8859-8-I with ISO-8859-8,
 * macintosh with x-MacRoman, windows-874 with x-windows-874, and the multi-byte encodings GBK and
 * gb18030 with GB18030, Big5 with Big5-HKSCS, EUC-JP with EUC-JP, Shift_JIS with windows-31j
 * (which has the NEC and IBM rows: 髙, 﨑, ①, Ⅲ, ㈱) and EUC-KR with x-windows-949.
 *
 * <p>{@link #decode} decodes the multi-byte ones as the standard's decoders treat errors: a bad
 * sequence gives one U+FFFD and never takes an ASCII byte with it (the JDK's decoders swallow the
 * {@code '<'} after a stray lead byte: {@code 9E 3C} is one U+FFFD in its GB18030); and where the
 * JDK's decoders have no character the standard has one: in GBK and gb18030 a lone 0x80 is €, in
 * Shift_JIS U+0080, and Big5's four pointers of two code points (88 62 is Ê̄) decode to both. {@link #newDecoder()} and {@link #newEncoder()} are the JDK charset's,
 * for callers that stream. Immutable and thread-safe.
 */
final class WebCharset extends WholeInputCharset {
  private final boolean multiByte;

  private WebCharset(String name, Charset jdk, boolean multiByte) {
    super(name, jdk);
    this.multiByte = multiByte;
  }

  /** A single-byte encoding decoded exactly as the JDK charset {@code jdkName} decodes it. */
  static WebCharset renaming(String name, String jdkName) {
    return new WebCharset(name, Charset.forName(jdkName), false);
  }

  /** A multi-byte encoding decoded with {@code jdkName}, errors as the standard treats them. */
  static WebCharset multiByte(String name, String jdkName) {
    return new WebCharset(name, Charset.forName(jdkName), true);
  }

  /** The text of {@code b[off..off+len)}, the whole input, as described on this class. */
  @Override
  String decode(byte[] b, int off, int len) {
    Charset jdk = jdk();
    if (!multiByte) return new String(b, off, len, jdk);
    CharsetDecoder decoder = jdk.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len + 16);  // no sequence gives more chars than it has bytes
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) result = decoder.flush(out);
      if (result.isUnderflow()) return out.flip().toString();
      if (result.isOverflow()) {
        out = CharBuffer.allocate(out.capacity() * 2).put(out.flip());
        continue;
      }
      int at = in.position();
      int bad = 1;  // the bytes of the error, up to the first ASCII byte after its first
      while (bad < result.length() && b[at + bad] < 0) bad++;
      String text = standardText(b, at, in.limit(), bad);
      if (out.remaining() < text.length()) out = CharBuffer.allocate(out.capacity() * 2).put(out.flip());
      out.put(text);
      in.position(at + (text.length() == 2 ? 2 : bad));
    }
  }

  /**
   * What the standard decodes where the JDK reports an error of {@code bad} bytes at {@code b[at]}
   * ({@code b[end]} past the input): one of Big5's four pointers of two code points (88 62 is Ê̄,
   * 88 64 Ê̌, 88 A3 ê̄, 88 A5 ê̌), which take both bytes; a lone 0x80, € in GBK and gb18030 and
   * U+0080 in Shift_JIS; otherwise one U+FFFD for the {@code bad} bytes.
   */
  private String standardText(byte[] b, int at, int end, int bad) {
    String jdkName = jdk().name();
    if (jdkName.equals("Big5-HKSCS") && b[at] == (byte) 0x88 && at + 1 < end) {
      String pair = switch (b[at + 1] & 0xff) {
        case 0x62 -> "\u00CA\u0304";
        case 0x64 -> "\u00CA\u030C";
        case 0xA3 -> "\u00EA\u0304";
        case 0xA5 -> "\u00EA\u030C";
        default -> null;
      };
      if (pair != null) return pair;
    }
    if (bad == 1 && b[at] == (byte) 0x80) {
      if (jdkName.equals("GB18030")) return "€";
      if (jdkName.equals("windows-31j")) return "\u0080";
    }
    return "\uFFFD";
  }
}
