package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A worker process that is no process and says hello: its stdout gives the hello line of its pid,
 * then does {@link #afterHello} for every read; its stdin counts the lines the parent writes; its
 * stderr is empty. The part {@link FakeProcess} and {@link StoppedProcess} share. Thread-safe.
 */
abstract class SaysHelloProcess extends EndsWhenKilledProcess {
  private final Object lines = new Object();
  private int linesRead;  // guarded by lines
  private final InputStream stdout;
  private final OutputStream stdin = new OutputStream() {
    @Override
    public void write(int b) {
      if (b != '\n') return;
      synchronized (lines) {
        linesRead++;
        lines.notifyAll();
      }
    }

    @Override
    public void close() {
      stdinClosed();
    }
  };

  SaysHelloProcess(long pid) {
    super(pid);
    this.stdout = firstThen(hello(pid), this::afterHello);
  }

  /** What each read of stdout does once the hello was read: waits for something, then reads on, ends (-1) or throws. */
  abstract int afterHello(byte[] b, int off, int len) throws IOException, InterruptedException;

  /** What closing its stdin does: nothing, unless a fake says otherwise. */
  void stdinClosed() {}

  /** Lines the parent wrote to its stdin: its hello, then one per fetch job. */
  final int linesRead() {
    synchronized (lines) {
      return linesRead;
    }
  }

  /** Waits until the parent wrote {@code n} lines to its stdin. */
  final void awaitLines(int n) throws InterruptedException {
    synchronized (lines) {
      while (linesRead < n) lines.wait();
    }
  }

  @Override
  public final OutputStream getOutputStream() {
    return stdin;
  }

  @Override
  public final InputStream getInputStream() {
    return stdout;
  }
}
