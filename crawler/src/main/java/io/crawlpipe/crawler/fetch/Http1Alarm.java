package io.crawlpipe.crawler.fetch;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fetch's deadline: when it rings (at the deadline, or on {@link Http1Pool#cancelAll()}), the
 * connection it guards is closed, which fails whatever read, write or handshake is blocked on
 * it; a connection guarded after the ring is closed at once. Guarding, unguarding and ringing
 * are one at a time, so once {@link #unguard()} returns the alarm never touches that connection.
 */
final class Http1Alarm implements AutoCloseable {
  private final Set<Http1Alarm> armed;
  private final ScheduledFuture<?> future;
  private final long deadline;
  private final FetchProgress progress;
  private AutoCloseable guarded;
  private volatile boolean rang;

  /**
   * Rings on {@code watchdog} at {@code deadline} (a {@link System#nanoTime()}); in {@code armed}
   * until closed, so that a cancel can ring every alarm at once. {@code progress}: the fetch's.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the watchdog was shut down
   */
  Http1Alarm(ScheduledExecutorService watchdog, long deadline, Set<Http1Alarm> armed, FetchProgress progress) {
    this.armed = armed;
    this.deadline = deadline;
    this.progress = progress;
    armed.add(this);
    try {
      this.future = watchdog.schedule(this::ring, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      armed.remove(this);
      throw e;
    }
  }

  /** The time left until the deadline, in milliseconds; at least 1. */
  int millisLeft() {
    return (int) Math.clamp(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1, Integer.MAX_VALUE);
  }

  /** The progress of the fetch this alarm guards, which its connection's phases update. */
  FetchProgress progress() {
    return progress;
  }

  synchronized void guard(AutoCloseable target) {
    guarded = target;
    if (rang) closeQuietly(target);
  }

  /** Stops guarding the connection, before it goes back to the pool. */
  synchronized void unguard() {
    guarded = null;
  }

  /** Closes the guarded connection now, and any guarded later; the deadline passed or the fetches were cancelled. */
  synchronized void ring() {
    rang = true;
    if (guarded != null) closeQuietly(guarded);
  }

  /** True once the deadline has passed or the fetches were cancelled. */
  boolean rang() {
    return rang;
  }

  /** Disarms the alarm; the fetch is over. */
  @Override
  public void close() {
    unguard();
    future.cancel(false);
    armed.remove(this);
  }

  private static void closeQuietly(AutoCloseable target) {
    try {
      target.close();
    } catch (Exception ignored) {
      // Closing is all the alarm can do; a failure to close leaves nothing more to undo.
    }
  }
}
