package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The WHATWG encodings UTF-16BE and UTF-16LE, whose {@link #decode} is the standard's UTF-16
 * decoder: each unpaired surrogate is one U+FFFD and takes nothing else with it, and an odd last
 * byte (or a high surrogate at the end) is one U+FFFD. The JDK's UTF-16 decoders instead replace an
 * unpaired high surrogate <em>and the unit after it</em> with one U+FFFD, so that the {@code '<'}
 * after one was lost and a tag merged with the text before it. {@link #newDecoder()} and {@link
 * #newEncoder()} are the JDK charset's, for callers that stream. Immutable and thread-safe.
 */
final class Utf16Charset extends WholeInputCharset {
  private static final char REPLACEMENT = '\uFFFD';
  private final boolean bigEndian;

  private Utf16Charset(Charset jdk, boolean bigEndian) {
    super(jdk.name(), jdk);
    this.bigEndian = bigEndian;
  }

  /** UTF-16BE. */
  static Utf16Charset bigEndian() {
    return new Utf16Charset(StandardCharsets.UTF_16BE, true);
  }

  /** UTF-16LE. */
  static Utf16Charset littleEndian() {
    return new Utf16Charset(StandardCharsets.UTF_16LE, false);
  }

  /** The text of {@code b[off..off+len)}, the whole input, as described on this class. */
  @Override
  String decode(byte[] b, int off, int len) {
    char[] out = new char[len / 2 + 1];  // a unit gives at most one char, an odd end one more
    int n = 0;
    char lead = 0;
    for (int i = off, end = off + (len & ~1); i < end; i += 2) {
      char c = bigEndian
          ? (char) ((b[i] & 0xff) << 8 | (b[i + 1] & 0xff))
          : (char) ((b[i + 1] & 0xff) << 8 | (b[i] & 0xff));
      if (lead != 0) {
        if (Character.isLowSurrogate(c)) {
          out[n++] = lead;
          out[n++] = c;
          lead = 0;
          continue;
        }
        out[n++] = REPLACEMENT;  // the unit after an unpaired high surrogate is read as itself
        lead = 0;
      }
      if (Character.isHighSurrogate(c)) {
        lead = c;
      } else {
        out[n++] = Character.isLowSurrogate(c) ? REPLACEMENT : c;
      }
    }
    if (lead != 0 || (len & 1) != 0) out[n++] = REPLACEMENT;  // the standard's one error at the end
    return new String(out, 0, n);
  }
}
