package io.crawlpipe.parser;

/** Checks of how far raw bytes are UTF-8, for {@link PageDecoder}. Stateless and thread-safe. */
final class Utf8Bytes {
  private Utf8Bytes() {}

  /**
   * True when {@code body} has at least as many well-formed multi-byte UTF-8 sequences as bytes
   * that begin no well-formed sequence: UTF-8 text with a few stray errors (a truncated excerpt, one
   * Latin-1 byte) is, text in a legacy charset is not, although its pairs of bytes now and then
   * happen to form a UTF-8 sequence (GBK 小 is D0 A1, UTF-8 С).
   */
  static boolean mostlyWellFormed(byte[] body) {
    int wellFormed = 0;
    int malformed = 0;
    for (int i = 0; i < body.length; ) {
      if (body[i] >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(body, i);
      if (length > 0) {
        wellFormed++;
        i += length;
      } else {
        malformed++;
        i++;
      }
    }
    return wellFormed >= malformed;
  }

  /** The length of the well-formed multi-byte sequence at {@code i} (Unicode table 3-7), or 0. */
  private static int sequenceLength(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0 || i + length > b.length) return 0;
    int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    int second = b[i + 1] & 0xff;
    if (second < low || second > high) return 0;
    for (int k = 2; k < length; k++) {
      if ((b[i + k] & 0xC0) != 0x80) return 0;
    }
    return length;
  }
}
