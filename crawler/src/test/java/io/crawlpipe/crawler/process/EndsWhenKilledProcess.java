package io.crawlpipe.crawler.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A worker process that is no process, and ends (status 137) when it is killed or {@link #end}s:
 * the part the fake workers of these tests share. Thread-safe.
 */
abstract class EndsWhenKilledProcess extends Process {
  private final CountDownLatch exited = new CountDownLatch(1);

  /** Ends it, as a kill does. */
  final void end() {
    exited.countDown();
  }

  /** True once it has ended. */
  final boolean ended() {
    return exited.getCount() == 0;
  }

  @Override
  public int waitFor() throws InterruptedException {
    exited.await();
    return 137;
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return exited.await(timeout, unit);
  }

  @Override
  public int exitValue() {
    if (!ended()) throw new IllegalThreadStateException("running");
    return 137;
  }

  @Override
  public void destroy() {
    end();
  }
}
