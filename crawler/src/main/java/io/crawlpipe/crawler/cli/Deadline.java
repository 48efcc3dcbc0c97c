package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.Suppressed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --max-time}: runs an action once when the run has lasted that long, unless closed first.
 * What the action throws, an {@link Error} included (out of memory while it writes its notice), is
 * logged: a scheduled task's failure would otherwise stay in its future, seen by no one. The
 * action itself must make sure that the stop it asks for is not lost with its notice ({@link
 * StopHandler} requests the stop whatever its notice throws). Thread-safe.
 */
final class Deadline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Deadline.class);

  private final ScheduledExecutorService timer;

  private Deadline(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Schedules {@code action} after {@code after}; a null duration means no deadline. */
  static Deadline start(Duration after, Runnable action) {
    if (after == null) return new Deadline(null);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("max-time").daemon().factory());
    timer.schedule(() -> runReporting(action), after.toNanos(), TimeUnit.NANOSECONDS);
    return new Deadline(timer);
  }

  /** Runs {@code action}, logging what it throws; should the log fail too, the thread's uncaught-exception handler gets it. */
  private static void runReporting(Runnable action) {
    try {
      action.run();
    } catch (Throwable failure) {
      try {
        log.error("--max-time: the deadline's action failed: {}", failure.toString(), failure);
      } catch (Throwable unlogged) {
        Suppressed.add(failure, unlogged); // the same OutOfMemoryError, maybe
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
      }
    }
  }

  /** Cancels the action if it has not run (does not wait for it if it is running). */
  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
