package io.crawlpipe.store;

/**
 * Replaces unpaired UTF-16 surrogates with U+FFFD, so that every string in a results line is
 * text UTF-8 can carry. A title decoded from {@code &#xD800;} or an odd charset may hold one, and
 * JSON's escape for it is refused by common consumers (jq stops reading the file at
 * that line; Python cannot re-encode it). Stateless.
 */
final class WellFormedText {
  private static final char REPLACEMENT = '\uFFFD';

  private WellFormedText() {}

  /**
   * True when {@code text} (not null) holds neither an unpaired surrogate nor U+0085, U+2028 or
   * U+2029, so it can be written as it is: no {@link #of} and no {@link SeparatorEscapedText}. One
   * pass: a single comparison for each ASCII character, two more for others below U+2028.
   */
  static boolean isSafe(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '\u0085') continue;
      if (c == '\u0085') return false;
      if (c < '\u2028') continue;
      if (c <= '\u2029') return false;
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair
      } else {
        return false;
      }
    }
    return true;
  }

  /** {@code text} with each unpaired surrogate replaced; the same instance when it has none; null for null. */
  static String of(String text) {
    if (text == null) return null;
    int bad = firstUnpaired(text, 0);
    if (bad < 0) return text;
    char[] chars = text.toCharArray();
    for (; bad >= 0; bad = firstUnpaired(text, bad + 1)) chars[bad] = REPLACEMENT;
    return new String(chars);
  }

  /** The index of the first unpaired surrogate at or after {@code from}, or -1. */
  private static int firstUnpaired(String text, int from) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair
      } else {
        return i;
      }
    }
    return -1;
  }
}
