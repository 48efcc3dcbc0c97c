package io.crawlpipe.crawler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A reader whose waiting a graceful stop ends. The wrapped reader is read on a daemon thread of
 * its own, 64 K characters at a time and at most two chunks ahead, from the first {@link #read}
 * on; a read that has to wait for the next chunk waits until it comes or {@link #stop} is called,
 * and after the stop throws {@link Stopped} instead of waiting. A URL list on stdin or a pipe
 * whose producer stalls (open, writing nothing) then no longer holds a crawl past {@code
 * --max-time} or SIGTERM: a blocking read of a pipe cannot be interrupted, so the thread blocked
 * in it is left behind and ends with the process. Whatever the wrapped reader throws (an {@code
 * IOException}, a runtime exception, an error) reaches the caller as it was thrown.
 *
 * <p>One thread reads and closes; {@link #stop} may be called from any thread, any number of
 * times. {@link #close} closes the wrapped reader only once its thread is done with it (closing it
 * under a blocked read would block too).
 */
public final class StoppableReader extends Reader implements ListEncoding {
  private static final int CHUNK = 64 * 1024;
  private static final int AHEAD = 2;
  private static final Object END = new Object();
  private final Reader in;
  private final ArrayDeque<Object> chunks = new ArrayDeque<>(AHEAD); // CharBuffer, Throwable or END; guarded by this
  private boolean stopped; // guarded by this
  private boolean closed; // guarded by this
  private boolean pumpDone; // guarded by this
  private Thread pump; // the reading thread only
  private CharBuffer current;
  private boolean ended;

  /** Thrown by a read that would wait after the stop; the list is not at its end. */
  public static final class Stopped extends IOException {
    Stopped() {
      super("stopped while waiting for the list");
    }
  }

  public StoppableReader(Reader in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** The wrapped reader's encoding ({@link ListEncoding#of}). */
  @Override
  public Charset encoding() {
    return ListEncoding.of(in);
  }

  /** From now on a read that would wait throws {@link Stopped}; one waiting now does at once. Idempotent. */
  public synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  @Override
  public int read(char[] chars, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, chars.length);
    if (length == 0) return 0;
    while (current == null || !current.hasRemaining()) {
      if (ended) return -1;
      if (pump == null) pump = Thread.ofPlatform().daemon().name("list-reader").start(this::pump);
      Object next = take();
      if (next == END) {
        ended = true;
        return -1;
      }
      if (next instanceof Throwable failure) {
        ended = true;
        switch (failure) {
          case IOException e -> throw e;
          case RuntimeException e -> throw e;
          case Error e -> throw e;
          default -> throw new IOException(failure); // a checked throwable the reader sneaked out
        }
      }
      current = (CharBuffer) next;
    }
    int n = Math.min(length, current.remaining());
    current.get(chars, offset, n);
    return n;
  }

  private synchronized Object take() throws IOException {
    try {
      while (chunks.isEmpty()) {
        if (stopped) throw new Stopped();
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the list");
    }
    Object next = chunks.removeFirst();
    notifyAll(); // room for the reading thread
    return next;
  }

  /** The reading thread: chunks until the end, a failure or the close, each handed over as it comes. */
  private void pump() {
    Object last;
    try {
      while (true) {
        char[] chunk = new char[CHUNK];
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) break;
        if (n > 0 && !handOver(CharBuffer.wrap(chunk, 0, n))) return;
      }
      last = END;
    } catch (Throwable e) { // whatever it is, the reading side must hear of it, or it would wait for ever
      last = e;
    }
    handOver(last);
  }

  /**
   * Queues {@code item} once there is room (the last one, the end or a failure, at once); false,
   * with the wrapped reader closed, if this was closed meanwhile.
   */
  private boolean handOver(Object item) {
    boolean last = item == END || item instanceof Throwable;
    synchronized (this) {
      while (!last && chunks.size() >= AHEAD && !closed) {
        try {
          wait();
        } catch (InterruptedException e) {
          return false; // nobody interrupts this thread; if someone does, it ends
        }
      }
      if (!closed) {
        chunks.addLast(item);
        pumpDone = last;
        notifyAll();
        return true;
      }
      pumpDone = true;
    }
    closeQuietly(); // closed while this thread was out of read(): the close left the reader to it
    return false;
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing is read from it any more
    }
  }

  /** Closes the wrapped reader if its thread is done (or never started); else leaves that to the thread or the process's end. */
  @Override
  public void close() throws IOException {
    boolean closeNow;
    synchronized (this) {
      ended = true;
      closed = true;
      notifyAll();
      closeNow = pump == null || pumpDone;
    }
    if (closeNow) in.close();
  }
}
