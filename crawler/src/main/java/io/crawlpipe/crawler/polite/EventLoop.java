package io.crawlpipe.crawler.polite;

import java.time.Duration;

/**
 * Runs the {@link HostScheduler}'s events one at a time, now or after a delay, and is its only
 * source of time. Because events never overlap, the scheduler's state needs no locks; because
 * waits are scheduled events rather than sleeping threads, waiting holds nothing. Tests pass a
 * loop whose time they advance by hand.
 *
 * <p>Implementations are thread-safe: any thread may submit events.
 */
public interface EventLoop {

  /** Runs {@code event} soon, after the events already submitted, never at the same time as another. */
  void execute(Runnable event);

  /** Runs {@code event} once {@code delay} has passed on this loop's clock. */
  void schedule(Runnable event, Duration delay);

  /** This loop's monotonic time in nanoseconds (only differences are meaningful). */
  long nanoTime();
}
