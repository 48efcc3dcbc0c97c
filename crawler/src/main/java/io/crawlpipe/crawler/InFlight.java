package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The URLs a pipeline has read but not yet stored, at most {@code capacity} of them: the slots that
 * bound the reader, the waits for their lines, and the stop and its grace. What is known of each
 * URL, and the rule that makes it end as exactly one line, its own result or a {@code cancelled}
 * one, are {@link PendingUrls}'.
 *
 * <p>Thread-safe: one reader thread admits and awaits; any thread stores; any thread stops. No
 * argument may be null.
 */
final class InFlight {
  /**
   * How long a waiting reader waits for a batch of free slots before it takes what is free: a slow
   * host that fills most of the slots frees them one by one, and the URLs behind its own in the
   * list (other hosts', answered at once) would otherwise wait for {@code wakeBatch} of its answers.
   */
  static final Duration PATIENCE = Duration.ofMillis(10);
  private final int capacity;
  private final PendingUrls urls = new PendingUrls();
  /**
   * Slots that must be free before a waiting reader is woken: it then admits them in a burst
   * instead of being woken (a thread hand-off) for every line stored.
   */
  private final int wakeBatch;
  private final long patienceNanos;
  private final ReentrantLock lock = new ReentrantLock();
  /**
   * Signalled when {@code wakeBatch} slots are free for a waiting reader, when every slot is free,
   * and on a stop; a waiting reader also looks again every {@code patience}.
   */
  private final Condition changed = lock.newCondition();
  /** Slots taken: admitted URLs whose store step has not finished writing. Guarded by {@code lock}. */
  private int active;
  /** The run's stop, null until it comes. Written under {@code lock}; read without it by {@link #answered}. */
  private volatile RunStop stop;
  /** The fetcher has ended what the stop cancels at once ({@link #fetcherStopped}). Guarded by {@code lock}. */
  private boolean fetcherStopped;
  /** The reader is waiting in {@link #admit} for a slot. Guarded by {@code lock}. */
  private boolean readerWaiting;

  InFlight(int capacity) {
    this(capacity, PATIENCE);
  }

  /** As above, a waiting reader taking a free slot after {@code patience} at most (positive; tests vary it). */
  InFlight(int capacity, Duration patience) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    if (patience.isNegative() || patience.isZero()) throw new IllegalArgumentException("patience must be positive, was " + patience);
    this.capacity = capacity;
    this.wakeBatch = Math.max(1, capacity / 16);
    this.patienceNanos = patience.toNanos();
  }

  /**
   * Waits for a free slot and registers {@code url}. Returns false when a stop came first: the URL
   * is then kept aside, never started, to be cancelled, and the reader must read no further.
   * Ignores interrupts, keeping the status.
   */
  boolean admit(String url, Instant readAt) {
    boolean interrupted = false;
    lock.lock();
    try {
      while (active >= capacity && stop == null) {
        readerWaiting = true;
        try {
          changed.awaitNanos(patienceNanos); // woken by a batch of free slots, or looks again
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      readerWaiting = false;
      if (stop != null) {
        urls.holdUnstarted(url, readAt);
        return false;
      }
      active++;
      urls.add(url, readAt);
      return true;
    } finally {
      lock.unlock();
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * The first request of {@code url}, admitted, was handed on to be made: if the grace runs out
   * before it is stored, it is cancelled as one whose request was running. Any thread; at most once
   * per URL, before its result is stored.
   */
  void started(String url) {
    urls.started(url);
  }

  /**
   * Writes {@code result}, the line of {@code url} as admitted, with {@code writer} unless that URL
   * was already cancelled ({@link PendingUrls#store}), then frees its slot: the slot is free only
   * once the line is written, so the reader never runs ahead of the file.
   */
  void store(String url, CrawlResult result, Consumer<CrawlResult> writer) {
    try {
      urls.store(url, result, writer);
    } finally {
      release();
    }
  }

  /**
   * Starts the grace period: no more admissions, and {@link #awaitDone} ends with it. A later stop
   * keeps the first one's reason and may shorten the grace, never lengthen it (a sink that fails
   * during a stop's grace ends it at once).
   */
  void stop(String why, Duration grace) {
    lock.lock();
    try {
      long now = System.nanoTime();
      stop = stop == null ? RunStop.at(why, now, grace) : stop.laterStop(now, grace);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every started URL is stored, or, after a stop, until the grace period is over. */
  void awaitDone() {
    lock.lock();
    try {
      while (!urls.isEmpty()) {
        if (stop == null) {
          changed.awaitUninterruptibly();
          continue;
        }
        long left = stop.graceLeft(System.nanoTime());
        if (left <= 0) return;
        changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The answer of {@code url} (its result or failure) is being handed on to be stored: after a stop,
   * {@link #awaitCancellations} waits for it. Any thread; before the store step of {@code url}.
   */
  void answered(String url) {
    if (stop != null) urls.answered(url);
  }

  /** The fetcher has failed, as {@code cancelled}, every URL the stop ended at once. Any thread. */
  void fetcherStopped() {
    lock.lock();
    try {
      fetcherStopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a stop: waits until the fetcher has ended what the stop cancels at once ({@link
   * #fetcherStopped}) and every answer handed on since the stop is stored, so that only URLs whose
   * request was running are left for {@link #cancelRemaining}; or until {@code limit} after the stop,
   * so a stuck fetcher cannot hold the stop. Returns at once when nothing is pending. Ignores the
   * interrupt and keeps the status: the grace is not this wait, and an interrupt cuts only the grace.
   */
  void awaitCancellations(Duration limit) {
    boolean interrupted = Thread.interrupted();
    lock.lock();
    try {
      if (stop == null) return;
      long ends = stop.stoppedAt() + limit.toNanos();
      while (!urls.isEmpty() && !(fetcherStopped && urls.answersStored())) {
        long left = ends - System.nanoTime();
        if (left <= 0) return;
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      lock.unlock();
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes a {@code cancelled} line for every URL still registered, after waiting for stores in
   * progress; from then on late stores write nothing. Returns how many URLs were cancelled. Every
   * line is dated when its URL was read; one reported {@link #started} has {@code elapsed_ms} the
   * time since, as its request may have been running, and any other was never fetched (see {@link
   * PendingUrls#cancelAll}).
   */
  int cancelRemaining(Consumer<CrawlResult> writer, Instant now) {
    return urls.cancelAll(stop, now, writer);
  }

  /** True while a thread waits in {@link #admit} or {@link #awaitDone} and has not been woken (for tests). */
  boolean hasWaiters() {
    lock.lock();
    try {
      return lock.hasWaiters(changed);
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    lock.lock();
    try {
      active--;
      if (active == 0 || stop != null || readerWaiting && active <= capacity - wakeBatch) changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
