package io.crawlpipe.store;

import java.io.ByteArrayOutputStream;

/**
 * A reusable byte buffer for one line at a time that exposes its bytes without copying.
 *
 * <p>Not thread-safe; memory only. {@link #buffer()} is the live backing array: valid up to
 * {@link #size()}, and only until the next write, {@link #reset()} or {@link #clear()}.
 */
final class LineBuffer extends ByteArrayOutputStream {
  /** A buffer grown past this by an unusually long line is dropped rather than kept for the run. */
  private static final int KEPT = 64 * 1024;

  private final int initial;

  /** An empty buffer of {@code initial} bytes, also the size it returns to after a long line. */
  LineBuffer(int initial) {
    super(initial);
    this.initial = initial;
  }

  /** Empties the buffer for the next line, dropping it if a long line grew it past {@link #KEPT}. */
  void clear() {
    reset();
    if (buf.length > KEPT) buf = new byte[initial];
  }

  /** The backing array itself, not a copy. */
  byte[] buffer() {
    return buf;
  }
}
