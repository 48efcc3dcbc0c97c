package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into lines at {@code '\n'} without decoding them, so the parent hands a
 * worker's answer (a page in base64, often kilobytes) to the JSON parser as UTF-8 bytes: no
 * char decoding, no String. The current line lives in a buffer reused by the next call. Not
 * thread-safe: one reader thread owns it; the caller closes the stream.
 */
final class LineReader {
  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private int pos;
  private int limit;
  private byte[] line = new byte[16 * 1024];
  private int length;

  LineReader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** Reads the next line (without its newline); false at the end of the stream. */
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

  private void append(int n) {
    if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    System.arraycopy(chunk, pos, line, length, n);
    length += n;
  }

  /** The current line's bytes: valid from 0 to {@link #length()}, until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }
}
