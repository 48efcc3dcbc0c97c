package io.crawlpipe.parser;

/** Checks of how far raw bytes are UTF-8, for {@link PageDecoder}. Stateless and thread-safe. */
final class Utf8Bytes {
  private Utf8Bytes() {}

  /**
   * True when {@code body} has at least as many well-formed multi-byte UTF-8 sequences as malformed
   * ones: UTF-8 text with a few stray errors (a truncated excerpt, one Latin-1 byte, one cut
   * emoji) is, text in a legacy charset is not, although its pairs of bytes now and then happen to
   * form a UTF-8 sequence (GBK 小 is D0 A1, UTF-8 С). A malformed sequence counts once however many
   * bytes it has, as a decoder writes one U+FFFD for it (its maximal subpart, in Unicode's terms);
   * one cut off by the end of the body (a page cut at {@code --max-bytes}) does not count.
   */
  static boolean mostlyWellFormed(byte[] body) {
    int wellFormed = 0;
    int malformed = 0;
    for (int i = 0; i < body.length; ) {
      if (body[i] >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(body[i] & 0xff);
      int valid = validPrefix(body, i, length);
      if (length > 0 && valid == length) {
        wellFormed++;
      } else if (length == 0 || i + valid < body.length) {
        malformed++;
      }
      i += Math.max(1, valid);
    }
    return wellFormed >= malformed;
  }

  /** The length of the sequence a lead byte starts (Unicode table 3-7), or 0 for a byte that starts none. */
  private static int sequenceLength(int lead) {
    return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  }

  /** How many bytes from {@code i} (at most {@code length}) begin a well-formed sequence: 0 when none do. */
  private static int validPrefix(byte[] b, int i, int length) {
    if (length == 0) return 0;
    int lead = b[i] & 0xff;
    int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    int valid = 1;
    while (valid < length && i + valid < b.length) {
      int next = b[i + valid] & 0xff;
      if (valid == 1 ? next < low || next > high : (next & 0xC0) != 0x80) break;
      valid++;
    }
    return valid;
  }
}
