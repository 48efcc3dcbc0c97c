package io.crawlpipe.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The WHATWG encoding ISO-2022-JP, whose {@link #decode} is the standard's ISO-2022-JP decoder:
 * {@code ESC ( B} selects ASCII, {@code ESC ( J} JIS X 0201 Roman (0x5C is ¥, 0x7E is ‾), {@code
 * ESC ( I} half-width katakana (0x21–0x5F), {@code ESC $ @} and {@code ESC $ B} JIS X 0208 in byte
 * pairs. A byte the current set lacks is one U+FFFD and takes nothing else with it: a newline
 * inside a JIS X 0208 run ends no pair, so the {@code ESC ( B} after it is still seen (the JDK's
 * decoder pairs the newline with the ESC and reads the rest of the page as kanji). An escape
 * sequence right after another is one U+FFFD, as is a sequence the standard does not name
 * (whose bytes then decode as text). JIS X 0208 pairs map as the standard's jis0208 index, taken
 * from the JDK's windows-31j at the same pointer (the index is windows-31j's table: NEC row 13
 * and the NEC-selected IBM rows included). {@link #newDecoder()} and {@link #newEncoder()} are the
 * JDK's ISO-2022-JP, for callers that stream. Immutable and thread-safe.
 */
final class Iso2022JpCharset extends WholeInputCharset {
  private static final int ROWS = 94;
  private static final char REPLACEMENT = '\uFFFD';

  Iso2022JpCharset() {
    super("ISO-2022-JP", Charset.forName("ISO-2022-JP"));
  }

  /** The text of {@code b[off..off+len)}, the whole input, as described on this class. */
  @Override
  String decode(byte[] b, int off, int len) {
    return new Iso2022JpDecoding(Index.JIS0208, b, off, len).run();
  }

  /**
   * The jis0208 index, the character of pointer {@code (lead − 0x21) × 94 + trail − 0x21} or
   * U+FFFD; never written after it is built. Built when the first ISO-2022-JP page is decoded, not
   * with the table of encodings: it takes some 30–50 ms, which every run would pay at start-up.
   */
  private static final class Index {
    static final char[] JIS0208 = jis0208();
  }

  /**
   * The jis0208 index for pointers 0–8835, each read from windows-31j at the Shift_JIS bytes the
   * standard's Shift_JIS decoder maps to that pointer.
   */
  private static char[] jis0208() {
    CharsetDecoder sjis = Charset.forName("windows-31j").newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] index = new char[ROWS * ROWS];
    byte[] pair = new byte[2];
    for (int pointer = 0; pointer < index.length; pointer++) {
      int lead = pointer / 188;
      int trail = pointer % 188;
      pair[0] = (byte) (lead + (lead < 0x1F ? 0x81 : 0xC1));
      pair[1] = (byte) (trail + (trail < 0x3F ? 0x40 : 0x41));
      index[pointer] = character(sjis, pair);
    }
    return index;
  }

  private static char character(CharsetDecoder decoder, byte[] pair) {
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(pair));
      return chars.length() == 1 ? chars.get(0) : REPLACEMENT;
    } catch (CharacterCodingException unmapped) {
      return REPLACEMENT;
    }
  }
}
