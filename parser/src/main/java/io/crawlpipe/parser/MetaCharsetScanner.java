package io.crawlpipe.parser;

import java.nio.charset.StandardCharsets;

/**
 * Finds the charset label of a {@code <meta charset>} or {@code http-equiv} declaration in raw
 * bytes, without building a String or running a regex. The result is the first group of the
 * first match of the regex {@code <meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)}
 * (ASCII case-insensitive) over the bytes read as ISO-8859-1, which is what {@link PageDecoder}
 * used before: the earliest {@code <meta} that has a {@code charset=} with a label before its
 * first {@code '>'}. Stateless and thread-safe.
 */
final class MetaCharsetScanner {
  private static final byte[] META = {'<', 'm', 'e', 't', 'a'};
  private static final byte[] CHARSET = {'c', 'h', 'a', 'r', 's', 'e', 't'};

  private MetaCharsetScanner() {}

  /** The declared label in {@code body[0..limit)}, or null when there is none. */
  static String label(byte[] body, int limit) {
    int end = Math.min(limit, body.length);
    int at = AsciiBytes.indexOfIgnoreCase(body, META, 0, end);
    while (at >= 0) {
      for (int i = at + META.length; i < end && body[i] != '>'; i++) {
        String label = labelAfterCharset(body, i, end);
        if (label != null) return label;
      }
      at = AsciiBytes.indexOfIgnoreCase(body, META, at + 1, end);
    }
    return null;
  }

  /** The label when {@code charset\s*=\s*["']?\s*label} starts at {@code i}, else null. */
  private static String labelAfterCharset(byte[] body, int i, int end) {
    if (!AsciiBytes.startsWithIgnoreCase(body, i, end, CHARSET)) return null;
    int p = skipSpaces(body, i + CHARSET.length, end);
    if (p >= end || body[p] != '=') return null;
    p = skipSpaces(body, p + 1, end);
    if (p < end && (body[p] == '"' || body[p] == '\'')) p = skipSpaces(body, p + 1, end);
    int start = p;
    while (p < end && isLabelByte(body[p])) p++;
    return p == start ? null : new String(body, start, p - start, StandardCharsets.ISO_8859_1);
  }

  /** The first index at or after {@code p} that is not a regex {@code \s}: space or 0x09–0x0D. */
  private static int skipSpaces(byte[] body, int p, int end) {
    while (p < end && (body[p] == ' ' || body[p] >= '\t' && body[p] <= '\r')) p++;
    return p;
  }

  /** Regex class {@code [A-Za-z0-9_.:-]}. */
  private static boolean isLabelByte(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
        || b == '_' || b == '.' || b == ':' || b == '-';
  }
}
