package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.ListEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-16 bytes (after the byte-order mark, which the caller reads) as characters, with every
 * undecodable unit read as one U+FFFD and nothing else lost: an unpaired high surrogate, an unpaired
 * low surrogate and an odd byte at the end each become one U+FFFD. The JDK's UTF-16 decoder instead
 * replaces an unpaired high surrogate <em>and the unit after it</em> with one U+FFFD (its malformed
 * input is four bytes long, whatever the {@code CodingErrorAction}), so that a list line ending in
 * one lost its {@code \n} and merged with the next line. A valid surrogate pair is kept, also when
 * its halves come in different reads.
 *
 * <p>Each {@link #read} reads the stream once and hands over what that read decodes to (reading on
 * only when it decodes to nothing: a lone byte, or a high surrogate whose next unit has not come
 * yet), so that the lines of a slow pipe reach the crawl as they come. Not thread-safe: one thread
 * reads and closes, as for the list's other readers.
 */
final class Utf16Reader extends Reader implements ListEncoding {
  private static final char REPLACEMENT = '\ufffd';
  private static final int BUFFER = 8 * 1024;
  private final InputStream in;
  private final boolean bigEndian;
  /** Set by {@link #close}: reads fail, as an InputStreamReader's do. */
  private boolean closed;
  private final byte[] bytes = new byte[BUFFER];
  /** Decoded characters not yet handed over: at most one per two bytes, plus a held surrogate. */
  private final char[] decoded = new char[BUFFER / 2 + 1];
  private int decodedStart;
  private int decodedEnd;
  /** 1 when {@code bytes[0]} is the first byte of a unit whose second byte has not come yet. */
  private int oddByte;
  /** A high surrogate read last, waiting for the next unit to tell whether it is paired; 0 if none. */
  private char heldHigh;
  private boolean ended;

  /** Reads {@code in}'s UTF-16 units, big-endian or little-endian. */
  Utf16Reader(InputStream in, boolean bigEndian) {
    this.in = Objects.requireNonNull(in, "in");
    this.bigEndian = bigEndian;
  }

  @Override
  public int read(char[] chars, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, chars.length);
    if (closed) throw new IOException("Stream closed");
    if (length == 0) return 0;
    while (decodedStart == decodedEnd) {
      if (ended) return -1;
      decodeNextRead();
    }
    int n = Math.min(length, decodedEnd - decodedStart);
    System.arraycopy(decoded, decodedStart, chars, offset, n);
    decodedStart += n;
    return n;
  }

  /** Decodes one read of the stream into {@link #decoded} (which is empty), or what is left at its end. */
  private void decodeNextRead() throws IOException {
    decodedStart = 0;
    decodedEnd = 0;
    int n = in.read(bytes, oddByte, bytes.length - oddByte);
    if (n < 0) {
      ended = true;
      if (heldHigh != 0) decoded[decodedEnd++] = REPLACEMENT;
      if (oddByte != 0) decoded[decodedEnd++] = REPLACEMENT;
      heldHigh = 0;
      oddByte = 0;
      return;
    }
    int total = oddByte + n;
    int end = total & ~1;
    for (int i = 0; i < end; i += 2) {
      unit(bigEndian
          ? (char) ((bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff))
          : (char) ((bytes[i + 1] & 0xff) << 8 | (bytes[i] & 0xff)));
    }
    oddByte = total - end;
    if (oddByte != 0) bytes[0] = bytes[end];
  }

  private void unit(char c) {
    if (heldHigh != 0) {
      if (Character.isLowSurrogate(c)) {
        decoded[decodedEnd++] = heldHigh;
        decoded[decodedEnd++] = c;
        heldHigh = 0;
        return;
      }
      decoded[decodedEnd++] = REPLACEMENT;
      heldHigh = 0;
    }
    if (Character.isHighSurrogate(c)) {
      heldHigh = c;
    } else {
      decoded[decodedEnd++] = Character.isLowSurrogate(c) ? REPLACEMENT : c;
    }
  }

  @Override
  public Charset encoding() {
    return StandardCharsets.UTF_16;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    in.close();
  }
}
