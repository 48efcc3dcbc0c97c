package io.crawlpipe.crawler.polite;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link EventLoop}: one daemon platform thread and {@link System#nanoTime()}.
 * An event that throws is logged (it is a bug) and the loop carries on. The creator closes it;
 * events given after that are dropped: the crawl is over, and a fetch finishing late (after a
 * graceful stop, whose URLs already have their {@code cancelled} lines) has nothing left to do.
 */
public final class ExecutorEventLoop implements EventLoop, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutorEventLoop.class);
  private final ScheduledThreadPoolExecutor executor;

  public ExecutorEventLoop() {
    executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("host-scheduler").daemon().factory());
    executor.setRemoveOnCancelPolicy(true);
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
  }

  @Override
  public void execute(Runnable event) {
    executor.execute(() -> run(event));
  }

  /**
   * {@inheritDoc} A negative delay runs it soon; one longer than a {@code long} of nanoseconds
   * holds (about 292 years) waits that long instead of throwing. {@code delay} must not be null.
   */
  @Override
  public void schedule(Runnable event, Duration delay) {
    executor.schedule(() -> run(event), nanos(delay), TimeUnit.NANOSECONDS);
  }

  /** {@code delay} in nanoseconds, at least 0, saturated at {@link Long#MAX_VALUE}. */
  private static long nanos(Duration delay) {
    if (delay.isNegative()) return 0;
    try {
      return delay.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  private static void run(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException | Error e) {
      log.error("host scheduler event failed: {}", e.toString());
      log.debug("host scheduler event failure", e);
    }
  }

  /** Drops pending timers and stops the thread; events still queued, and any given later, are not run. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
