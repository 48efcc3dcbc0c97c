package io.crawlpipe.parser;

/**
 * ASCII case-insensitive search in raw bytes, for the scanners that look for tags before (or
 * instead of) decoding. A needle is given in lower case ({@link TitleScanner#asciiLower}) and must
 * not be empty; a body byte matches a needle byte when its ASCII lower case equals it, so bytes
 * 0x80 and above match only themselves. Works on the array directly, with no wrapper. Stateless
 * and thread-safe.
 */
final class AsciiBytes {
  private AsciiBytes() {}

  /**
   * True when {@code b[at..end)} begins with {@code lowerNeedle}, ASCII case-insensitively; false
   * when fewer than {@code lowerNeedle.length} bytes remain before {@code end}.
   */
  static boolean startsWithIgnoreCase(byte[] b, int at, int end, byte[] lowerNeedle) {
    if (at + lowerNeedle.length > end) return false;
    for (int j = 0; j < lowerNeedle.length; j++) {
      if (TitleScanner.asciiLower(b[at + j]) != lowerNeedle[j]) return false;
    }
    return true;
  }

  /**
   * The first index in {@code [from, end)} where {@link #startsWithIgnoreCase} holds (the whole
   * needle lying before {@code end}), or -1.
   */
  static int indexOfIgnoreCase(byte[] b, byte[] lowerNeedle, int from, int end) {
    int last = end - lowerNeedle.length;
    int first = lowerNeedle[0];
    for (int i = from; i <= last; i++) {
      if (TitleScanner.asciiLower(b[i]) == first && startsWithIgnoreCase(b, i, end, lowerNeedle)) return i;
    }
    return -1;
  }
}
