package io.crawlpipe.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * A single-byte WHATWG encoding the JDK lacks or decodes differently, from its index: bytes
 * 0x00–0x7F are ASCII, 0x80–0xFF the table's characters. ISO-8859-10 and ISO-8859-14 (absent from
 * the JDK), x-mac-cyrillic (the JDK's x-MacCyrillic is the older table: 0xA2, 0xB6 and 0xFF are ¢,
 * ∂ and ¤ there, Ґ, ґ and € in the standard) and x-user-defined (0x80–0xFF to U+F780–U+F7FF).
 * Every byte maps to a character, so decoding never fails. Immutable and thread-safe.
 */
final class TableCharset extends Charset {
  private static final String ISO_8859_10 = "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089"
      + "\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099"
      + "\u009A\u009B\u009C\u009D\u009E\u009F"
      + "\u00A0\u0104\u0112\u0122\u012A\u0128\u0136\u00A7\u013B\u0110\u0160\u0166\u017D\u00AD\u016A\u014A"
      + "\u00B0\u0105\u0113\u0123\u012B\u0129\u0137\u00B7\u013C\u0111\u0161\u0167\u017E\u2015\u016B\u014B"
      + "\u0100\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u012E\u010C\u00C9\u0118\u00CB\u0116\u00CD\u00CE\u00CF"
      + "\u00D0\u0145\u014C\u00D3\u00D4\u00D5\u00D6\u0168\u00D8\u0172\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF"
      + "\u0101\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u012F\u010D\u00E9\u0119\u00EB\u0117\u00ED\u00EE\u00EF"
      + "\u00F0\u0146\u014D\u00F3\u00F4\u00F5\u00F6\u0169\u00F8\u0173\u00FA\u00FB\u00FC\u00FD\u00FE\u0138";
  private static final String ISO_8859_14 = ISO_8859_10.substring(0, 32)
      + "\u00A0\u1E02\u1E03\u00A3\u010A\u010B\u1E0A\u00A7\u1E80\u00A9\u1E82\u1E0B\u1EF2\u00AD\u00AE\u0178"
      + "\u1E1E\u1E1F\u0120\u0121\u1E40\u1E41\u00B6\u1E56\u1E81\u1E57\u1E83\u1E60\u1EF3\u1E84\u1E85\u1E61"
      + "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF"
      + "\u0174\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u1E6A\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u0176\u00DF"
      + "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF"
      + "\u0175\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u1E6B\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u0177\u00FF";

  /** The characters of bytes 0x80–0xFF. */
  private final String high;

  private TableCharset(String name, String high) {
    super(name, null);
    if (high.length() != 128) throw new IllegalArgumentException(name + ": table of " + high.length());
    this.high = high;
  }

  /** The charset of ISO-8859-10, ISO-8859-14, x-mac-cyrillic or x-user-defined. */
  static TableCharset named(String name) {
    return new TableCharset(name, switch (name) {
      case "ISO-8859-10" -> ISO_8859_10;
      case "ISO-8859-14" -> ISO_8859_14;
      case "x-mac-cyrillic" -> macCyrillic();
      case "x-user-defined" -> userDefined();
      default -> throw new IllegalArgumentException("no table for " + name);
    });
  }

  private static String macCyrillic() {
    byte[] high = new byte[128];
    for (int i = 0; i < 128; i++) high[i] = (byte) (0x80 + i);
    char[] table = new String(high, Charset.forName("x-MacCyrillic")).toCharArray();
    table[0x22] = '\u0490';
    table[0x36] = '\u0491';
    table[0x7F] = '\u20AC';
    return new String(table);
  }

  private static String userDefined() {
    StringBuilder table = new StringBuilder(128);
    for (char c = '\uF780'; c <= '\uF7FF'; c++) table.append(c);
    return table.toString();
  }

  @Override
  public boolean contains(Charset cs) {
    return cs.name().equals(name()) || cs.name().equals("US-ASCII");
  }

  @Override
  public CharsetDecoder newDecoder() {
    return new CharsetDecoder(this, 1, 1) {
      @Override
      protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        while (in.hasRemaining()) {
          if (!out.hasRemaining()) return CoderResult.OVERFLOW;
          int b = in.get() & 0xff;
          out.put(b < 0x80 ? (char) b : high.charAt(b - 0x80));
        }
        return CoderResult.UNDERFLOW;
      }
    };
  }

  @Override
  public CharsetEncoder newEncoder() {
    return new CharsetEncoder(this, 1, 1) {
      @Override
      protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
        while (in.hasRemaining()) {
          char c = in.get(in.position());
          int at = c < 0x80 ? c : high.indexOf(c) + 0x80;
          if (at < 0x80 && c >= 0x80) return CoderResult.unmappableForLength(1);
          if (!out.hasRemaining()) return CoderResult.OVERFLOW;
          out.put((byte) at);
          in.position(in.position() + 1);
        }
        return CoderResult.UNDERFLOW;
      }
    };
  }
}
