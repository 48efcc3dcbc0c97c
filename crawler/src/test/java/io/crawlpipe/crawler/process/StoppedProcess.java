package io.crawlpipe.crawler.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker process that is no process and behaves like a worker stopped with SIGSTOP: it says
 * hello and takes jobs, but never answers and does not exit when its stdin closes; only a kill
 * ends it (status 137), which ends its stdout. Thread-safe.
 */
final class StoppedProcess extends EndsWhenKilledProcess {
  private static final AtomicLong PIDS = new AtomicLong(4_100_000);
  private final long pid = PIDS.incrementAndGet();
  private final AtomicInteger linesRead = new AtomicInteger();
  private final InputStream stdout;
  private final OutputStream stdin = new OutputStream() {
    @Override
    public void write(int b) {
      if (b == '\n') linesRead.incrementAndGet();
    }
  };

  StoppedProcess() {
    this.stdout = firstThen(hello(pid), (b, off, len) -> {
      waitFor();  // silent until killed, then its stdout ends
      return -1;
    });
  }

  /** Lines the parent wrote to its stdin: its hello, then one per fetch job. */
  int linesRead() {
    return linesRead.get();
  }

  @Override
  public OutputStream getOutputStream() {
    return stdin;
  }

  @Override
  public InputStream getInputStream() {
    return stdout;
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public long pid() {
    return pid;
  }
}
