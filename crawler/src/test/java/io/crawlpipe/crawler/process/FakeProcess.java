package io.crawlpipe.crawler.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A worker process that is no process: it says hello on stdout, and once the parent wrote its
 * first fetch job to stdin, reading stdout throws what {@code failure} supplies (as if this JVM
 * failed reading the answer). Closing its stdin or killing it ends it (status 137). For tests of what the parent
 * does when reading a worker's answers fails.
 */
final class FakeProcess extends EndsWhenKilledProcess {
  private static final AtomicLong PIDS = new AtomicLong(4_000_000);
  private final long pid = PIDS.incrementAndGet();
  private final CountDownLatch jobSent = new CountDownLatch(1);
  private final InputStream stdout;
  private final OutputStream stdin = new OutputStream() {
    private int lines;

    @Override
    public void write(int b) {
      if (b == '\n' && ++lines == 2) jobSent.countDown();  // the parent's hello, then a fetch
    }

    @Override
    public void close() {
      end();  // a worker exits when its stdin closes
    }
  };

  FakeProcess(Supplier<? extends Throwable> failure) {
    this.stdout = firstThen(hello(pid), (b, off, len) -> {
      jobSent.await();
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) throw r;
      throw (Error) t;
    });
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
