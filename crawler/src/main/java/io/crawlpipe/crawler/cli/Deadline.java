package io.crawlpipe.crawler.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code --max-time}: runs an action once when the run has lasted that long, unless closed first. */
final class Deadline implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private Deadline(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Schedules {@code action} after {@code after}; a null duration means no deadline. */
  static Deadline start(Duration after, Runnable action) {
    if (after == null) return new Deadline(null);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("max-time").daemon().factory());
    timer.schedule(action, after.toNanos(), TimeUnit.NANOSECONDS);
    return new Deadline(timer);
  }

  /** Cancels the action if it has not run (does not wait for it if it is running). */
  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
