package io.crawlpipe.crawler.process;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into lines at {@code '\n'} without decoding them, so the parent hands a
 * worker's message to the JSON parser as UTF-8 bytes: no char decoding, no String. A line may be
 * followed by a payload of raw bytes (a page's body), which {@link #take(int)} reads without
 * scanning it. The current line lives in a buffer reused by the next call. Not thread-safe: one
 * reader thread owns it; the caller closes the stream.
 */
final class LineReader {
  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private int pos;
  private int limit;
  private final int maxLine;
  private byte[] line = new byte[16 * 1024];
  private int length;

  /** {@code maxLine}: the longest line it holds, in bytes, so that a stream without newlines cannot exhaust the heap. */
  LineReader(InputStream in, int maxLine) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxLine < 1) throw new IllegalArgumentException("maxLine must be >= 1, was " + maxLine);
    this.maxLine = maxLine;
  }

  /**
   * Reads the next line (without its newline); false at the end of the stream.
   *
   * @throws FrameException if the line is longer than {@code maxLine} bytes
   */
  boolean next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(chunk, 0, chunk.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return any;
        }
      }
      any = true;
      int end = pos;
      while (end < limit && chunk[end] != '\n') end++;
      append(end - pos);
      if (end < limit) {
        pos = end + 1;
        return true;
      }
      pos = limit;
    }
  }

  private void append(int n) throws FrameException {
    if (length + n > maxLine) throw new FrameException("a line longer than " + maxLine + " bytes", false);
    if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    System.arraycopy(chunk, pos, line, length, n);
    length += n;
  }

  /**
   * Reads the {@code n} bytes that follow the current line into a new array the caller owns; the
   * next {@link #next()} reads the line after them. The caller bounds {@code n}: the array is
   * allocated before the bytes arrive.
   *
   * @throws EOFException if the stream ends before {@code n} bytes, naming how many arrived
   */
  byte[] take(int n) throws IOException {
    byte[] payload = new byte[n];
    int have = Math.min(n, limit - pos);
    System.arraycopy(chunk, pos, payload, 0, have);
    pos += have;
    while (have < n) {
      int read = in.read(payload, have, n - have);
      if (read < 0) throw new EOFException("the stream ended after " + have + " of " + n + " bytes");
      have += read;
    }
    return payload;
  }

  /** The current line's bytes: valid from 0 to {@link #length()}, until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }
}
