package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The URLs a pipeline has read but not yet stored, with what is known of each (when it was read,
 * whether its first request was handed on, whether its answer was handed on after the stop), and
 * the rule that makes every URL end as exactly one line — its own result or, after a stop, a {@code
 * cancelled} one: whoever removes a URL from the map, its store step ({@link #store}) or the
 * cancelling step ({@link #cancelAll}), writes its line; the other finds it gone and writes nothing.
 *
 * <p>Thread-safe: any thread adds, reports and stores; {@link #cancelAll} waits for the stores in
 * progress, and stores after it write nothing. It bounds and awaits nothing: {@link InFlight} does.
 * No argument may be null, except as {@link #cancelAll} says.
 */
final class PendingUrls {
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  /** The URL the reader held when the stop came (at most one): read, never started. */
  private final Map<String, Instant> notStarted = new ConcurrentHashMap<>();
  /** The pending URLs whose first request was handed on ({@link #started}); the others never started. */
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  /** Pending URLs whose answer was handed on to be stored after the stop ({@link #answered}). */
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  /** Stores hold the read lock while they write; cancelling takes the write lock, so it waits for them. */
  private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
  /** Set by {@link #cancelAll}; guarded by {@code writes}. */
  private boolean closed;

  /** Registers {@code url}, admitted, read at {@code readAt}. */
  void add(String url, Instant readAt) {
    pending.put(url, readAt);
  }

  /** Keeps aside {@code url}, read at {@code readAt} but not admitted (a stop came first), to be cancelled. */
  void holdUnstarted(String url, Instant readAt) {
    notStarted.put(url, readAt);
  }

  /** The first request of {@code url} was handed on; ignored unless it is pending. */
  void started(String url) {
    if (pending.containsKey(url)) started.add(url);
  }

  /** The answer of {@code url} is being handed on to be stored; ignored unless it is pending. */
  void answered(String url) {
    if (pending.containsKey(url)) answered.add(url);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** True when every answer reported {@link #answered} has been stored (or cancelled). */
  boolean answersStored() {
    return answered.isEmpty();
  }

  /**
   * Writes {@code result}, the line of {@code url} as admitted, with {@code writer} unless that URL
   * was already cancelled. Keyed on {@code url}, not on the line's own URL, so that a line naming
   * another URL still ends the one admitted.
   */
  void store(String url, CrawlResult result, Consumer<CrawlResult> writer) {
    writes.readLock().lock();
    try {
      started.remove(url);
      answered.remove(url);
      if (!closed && pending.remove(url) != null) writer.accept(result);
    } finally {
      writes.readLock().unlock();
    }
  }

  /**
   * Writes a {@code cancelled} line made by {@code stop} for every URL still registered or kept
   * aside, after waiting for stores in progress; from then on stores write nothing. Returns how many
   * URLs were cancelled. A URL reported {@link #started} is {@link RunStop#cancelled} as of {@code
   * now}; any other (still queued for its host, or the one the reader held at the stop) {@link
   * RunStop#neverFetched}. {@code stop} may be null only when no URL is pending or kept aside.
   */
  int cancelAll(RunStop stop, Instant now, Consumer<CrawlResult> writer) {
    writes.writeLock().lock();
    try {
      closed = true;
      answered.clear();
      int cancelled = 0;
      for (Map.Entry<String, Instant> e : pending.entrySet()) {
        if (pending.remove(e.getKey()) == null) continue;
        notStarted.remove(e.getKey());
        boolean running = started.remove(e.getKey());
        writer.accept(running ? stop.cancelled(e.getKey(), e.getValue(), now)
            : stop.neverFetched(e.getKey(), e.getValue()));
        cancelled++;
      }
      for (Map.Entry<String, Instant> e : notStarted.entrySet()) {
        if (notStarted.remove(e.getKey()) == null) continue;
        writer.accept(stop.neverFetched(e.getKey(), e.getValue()));
        cancelled++;
      }
      return cancelled;
    } finally {
      writes.writeLock().unlock();
    }
  }
}
