package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The URLs a pipeline has read but not yet stored, at most {@code capacity} of them: the slots that
 * bound the reader, and the guard that makes every URL end as exactly one line — its own result or,
 * after a stop, a {@code cancelled} one. Whoever removes a URL from the map writes its line; the
 * other writer finds it gone and writes nothing.
 *
 * <p>Thread-safe: one reader thread admits and awaits; any thread stores; any thread stops.
 */
final class InFlight {
  private final int capacity;
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  /** The URL the reader held when the stop came (at most one): read, never started. */
  private final Map<String, Instant> notStarted = new ConcurrentHashMap<>();
  /** The pending URLs whose first request was handed on ({@link #started}); the others never started. */
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  /** Pending URLs whose answer was handed on to be stored after the stop ({@link #answered}). */
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  /**
   * Slots that must be free before a waiting reader is woken: it then admits them in a burst
   * instead of being woken (a thread hand-off) for every line stored.
   */
  private final int wakeBatch;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when {@code wakeBatch} slots are free for a waiting reader, when every slot is free, and on a stop. */
  private final Condition changed = lock.newCondition();
  /** Stores hold the read lock while they write; cancelling takes the write lock, so it waits for them. */
  private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
  /** Slots taken: admitted URLs whose store step has not finished writing. Guarded by {@code lock}. */
  private int active;
  /** Written under {@code lock}; read without it by {@link #answered}. */
  private volatile boolean stopping;
  private long stoppedAt;
  private long graceEnds;
  /** The fetcher has ended what the stop cancels at once ({@link #fetcherStopped}). Guarded by {@code lock}. */
  private boolean fetcherStopped;
  private String reason;
  private boolean closed;
  /** The reader is waiting in {@link #admit} for a slot. Guarded by {@code lock}. */
  private boolean readerWaiting;

  InFlight(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    this.capacity = capacity;
    this.wakeBatch = Math.max(1, capacity / 16);
  }

  /**
   * Waits for a free slot and registers {@code url}. Returns false when a stop came first: the URL
   * is then kept aside, never started, to be cancelled, and the reader must read no further.
   */
  boolean admit(String url, Instant readAt) {
    lock.lock();
    try {
      while (active >= capacity && !stopping) {
        readerWaiting = true;
        changed.awaitUninterruptibly();
      }
      readerWaiting = false;
      if (stopping) {
        notStarted.put(url, readAt);
        return false;
      }
      active++;
      pending.put(url, readAt);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The first request of {@code url}, admitted, was handed on to be made: if the grace runs out
   * before it is stored, it is cancelled as one whose request was running. Any thread; at most once
   * per URL, before its result is stored.
   */
  void started(String url) {
    if (pending.containsKey(url)) started.add(url);
  }

  /**
   * Writes {@code result}, the line of {@code url} as admitted, with {@code writer} unless that URL
   * was already cancelled, then frees its slot: the slot is free only once the line is written, so
   * the reader never runs ahead of the file. Keyed on {@code url}, not on the line's own URL, so
   * that a line naming another URL still ends the one admitted.
   */
  void store(String url, CrawlResult result, Consumer<CrawlResult> writer) {
    writes.readLock().lock();
    try {
      started.remove(url);
      answered.remove(url);
      if (!closed && pending.remove(url) != null) writer.accept(result);
    } finally {
      writes.readLock().unlock();
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
      long ends = now + grace.toNanos();
      if (!stopping) {
        stopping = true;
        reason = why;
        stoppedAt = now;
        graceEnds = ends;
      } else if (ends - graceEnds < 0) {
        graceEnds = ends;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every started URL is stored, or, after a stop, until the grace period is over. */
  void awaitDone() {
    lock.lock();
    try {
      while (!pending.isEmpty()) {
        if (!stopping) {
          changed.awaitUninterruptibly();
          continue;
        }
        long left = graceEnds - System.nanoTime();
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
    if (stopping && pending.containsKey(url)) answered.add(url);
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
      long ends = stoppedAt + limit.toNanos();
      while (stopping && !pending.isEmpty() && !(fetcherStopped && answered.isEmpty())) {
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
   * line is dated when its URL was read. A URL reported {@link #started} may have had its request
   * running: its {@code elapsed_ms} is the time since, its message "run stopped (REASON) before this
   * URL finished". Any other (still queued for its host, or the one the reader held at the stop)
   * was never fetched: 0 ms, and "... before this URL was fetched", as the host scheduler says of a
   * URL it cancels unstarted.
   */
  int cancelRemaining(Consumer<CrawlResult> writer, Instant now) {
    writes.writeLock().lock();
    try {
      closed = true;
      answered.clear();
      int cancelled = 0;
      for (Map.Entry<String, Instant> e : pending.entrySet()) {
        if (pending.remove(e.getKey()) == null) continue;
        notStarted.remove(e.getKey());
        boolean running = started.remove(e.getKey());
        writer.accept(running ? cancelled(e.getKey(), e.getValue(), now) : neverFetched(e.getKey(), e.getValue()));
        cancelled++;
      }
      for (Map.Entry<String, Instant> e : notStarted.entrySet()) {
        if (notStarted.remove(e.getKey()) == null) continue;
        writer.accept(neverFetched(e.getKey(), e.getValue()));
        cancelled++;
      }
      return cancelled;
    } finally {
      writes.writeLock().unlock();
    }
  }

  private CrawlResult cancelled(String url, Instant readAt, Instant now) {
    return CrawlResult.failure(url, readAt, Math.max(0, Duration.between(readAt, now).toMillis()), 0,
        new ResultError(ErrorType.CANCELLED, "run stopped (" + reason + ") before this URL finished"));
  }

  private CrawlResult neverFetched(String url, Instant readAt) {
    return CrawlResult.failure(url, readAt, 0, 0,
        new ResultError(ErrorType.CANCELLED, "run stopped (" + reason + ") before this URL was fetched"));
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
      if (active == 0 || stopping || readerWaiting && active <= capacity - wakeBatch) changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
