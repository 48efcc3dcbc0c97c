package io.crawlpipe.crawler.process;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A worker process that is no process: it says hello on stdout, and once the parent wrote its
 * first fetch job to stdin, reading stdout throws what {@code failure} supplies (as if this JVM
 * failed reading the answer). Closing its stdin or killing it ends it (status 137). For tests of what the parent
 * does when reading a worker's answers fails.
 */
final class FakeProcess extends SaysHelloProcess {
  private static final AtomicLong PIDS = new AtomicLong(4_000_000);
  private final Supplier<? extends Throwable> failure;

  FakeProcess(Supplier<? extends Throwable> failure) {
    super(PIDS.incrementAndGet());
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  @Override
  int afterHello(byte[] b, int off, int len) throws InterruptedException {
    awaitLines(2);  // the parent's hello, then a fetch
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) throw r;
    throw (Error) t;
  }

  @Override
  void stdinClosed() {
    end();  // a worker exits when its stdin closes
  }
}
