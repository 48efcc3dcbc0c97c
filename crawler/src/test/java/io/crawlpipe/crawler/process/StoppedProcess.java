package io.crawlpipe.crawler.process;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker process that is no process and behaves like a worker stopped with SIGSTOP: it says
 * hello and takes jobs, but never answers and does not exit when its stdin closes; only a kill
 * ends it (status 137), which ends its stdout. Thread-safe.
 */
final class StoppedProcess extends SaysHelloProcess {
  private static final AtomicLong PIDS = new AtomicLong(4_100_000);

  StoppedProcess() {
    super(PIDS.incrementAndGet());
  }

  @Override
  int afterHello(byte[] b, int off, int len) throws InterruptedException {
    waitFor();  // silent until killed, then its stdout ends
    return -1;
  }
}
