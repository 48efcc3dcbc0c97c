package io.crawlpipe.crawler.polite;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link EventLoop}: one daemon platform thread and {@link System#nanoTime()}.
 * An event that throws a {@code RuntimeException} is logged (it is a bug) and the loop carries on.
 * One that throws an {@code Error} (out of memory, say) has left a URL unanswered, which would hold
 * the run for ever: it goes to the creator's {@code fatal} handler (the run's {@link
 * io.crawlpipe.crawler.CrawlControl#fail}), which ends the run. The creator closes it;
 * events given after that are dropped: the crawl is over, and a fetch finishing late (after a
 * graceful stop, whose URLs already have their {@code cancelled} lines) has nothing left to do.
 */
public final class ExecutorEventLoop implements EventLoop, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutorEventLoop.class);
  private final ScheduledThreadPoolExecutor executor;
  private final Consumer<Error> fatal;

  /** A loop whose events' errors are only logged, as one line (tests). */
  public ExecutorEventLoop() {
    this(error -> log.error("host scheduler event failed: {}", error.toString()));
  }

  /** A loop that hands what an event throws as an {@code Error} to {@code fatal}, on the loop's thread. */
  public ExecutorEventLoop(Consumer<Error> fatal) {
    this.fatal = Objects.requireNonNull(fatal, "fatal");
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

  private void run(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      log.error("host scheduler event failed: {}", e.toString());
      log.debug("host scheduler event failure", e);
    } catch (Error e) {
      try {
        log.debug("host scheduler event failure", e);
      } finally {
        fatal.accept(e); // the run reports it
      }
    }
  }

  /** Drops pending timers and stops the thread; events still queued, and any given later, are not run. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
