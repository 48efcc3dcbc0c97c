package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connections of an {@link Http1Fetcher}: opens them through an {@link Http1Connector}, and
 * keeps up to {@code maxIdle} idle ones for reuse, newest first per origin. An idle connection
 * older than {@code keepAlive} is closed instead of reused; when the pool is full the oldest idle
 * one is closed. One watchdog thread rings each fetch's {@link Http1Alarm} at its deadline.
 *
 * <p>Thread-safe. The owner calls {@link #shutdown()}; {@link #cancelAll()} closes every open connection.
 */
final class Http1Pool {
  private final int maxIdle;
  private final long keepAliveNanos;
  private final Http1Connector connector;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Origin, ArrayDeque<Http1Connection>> idle = new HashMap<>();
  private final LinkedHashSet<Http1Connection> idleOldestFirst = new LinkedHashSet<>();
  private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
  private final Set<Http1Alarm> armed = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor watchdog;

  /**
   * {@code proxies}: which proxy, if any, an {@code https} origin is tunnelled through; {@code
   * checkHosts}: whether a server's certificate must name its host (false only for {@code --insecure}).
   */
  Http1Pool(int maxIdle, Duration keepAlive, Supplier<SSLSocketFactory> tls,
      Http1Connector.Resolver resolver, ProxyRoutes proxies, boolean checkHosts) {
    if (maxIdle < 0) throw new IllegalArgumentException("maxIdle < 0: " + maxIdle);
    this.maxIdle = maxIdle;
    this.keepAliveNanos = keepAlive.toNanos();
    this.connector = new Http1Connector(tls, resolver, proxies, checkHosts);
    this.watchdog = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("http1-watchdog").daemon().factory());
    watchdog.setRemoveOnCancelPolicy(true);
  }

  /**
   * An alarm that closes what it guards once {@code deadline} (a {@link System#nanoTime()}) passes,
   * or {@link #cancelAll()} is called; the fetch closes it when done. {@code progress} is the
   * fetch's, which the connections it opens keep up to date.
   *
   * @throws IOException when the pool was shut down
   */
  Http1Alarm alarm(long deadline, FetchProgress progress) throws IOException {
    try {
      return new Http1Alarm(watchdog, deadline, armed, progress);
    } catch (RejectedExecutionException e) {
      throw new IOException("the HTTP client was closed");
    }
  }

  /**
   * The newest idle connection to {@code origin} that is still fresh, or null. One on which bytes
   * arrived while it was idle is stale (see {@link Http1Connection#hasUnaskedInput()}): closed, and
   * the next one tried. A server sends on an idle connection when its idle timeout ends it (a
   * {@code 408} before closing), and a broken one sends more than its response framed; skipping
   * connections idle under 100 ms, as first done, let such bytes be read as the next request's
   * response and every later one on that connection shifted by one, so every reuse is checked: a
   * system call (1.7–2.4 µs measured on this project's 2-core VM), under 1% of a page's CPU. A 408
   * in the race after the check is caught by {@link Http1Fetcher}, which sends the request again on
   * a new connection.
   */
  Http1Connection take(Origin origin) {
    while (true) {
      List<Http1Connection> stale = new ArrayList<>(0);
      Http1Connection found = null;
      long now = System.nanoTime();
      lock.lock();
      try {
        ArrayDeque<Http1Connection> queue = idle.get(origin);
        if (queue == null) return null;
        for (Http1Connection c; found == null && (c = queue.pollFirst()) != null; ) {
          idleOldestFirst.remove(c);
          if (c.isClosed() || now - c.idleSince() >= keepAliveNanos) stale.add(c);
          else found = c;
        }
        if (queue.isEmpty()) idle.remove(origin);
      } finally {
        lock.unlock();
      }
      stale.forEach(this::discard);
      if (found == null || !found.hasUnaskedInput()) return found;
      discard(found); // outside the lock: the check is a system call
    }
  }

  /** Takes back a connection after its exchange: kept idle if it can carry another request, else closed. */
  void release(Http1Connection connection) {
    if (!connection.reusable()) {
      discard(connection);
      return;
    }
    connection.idleSince(System.nanoTime());
    Http1Connection evicted = connection;
    lock.lock();
    try {
      if (maxIdle > 0 && !watchdog.isShutdown()) {
        evicted = idleOldestFirst.size() >= maxIdle ? removeOldest() : null;
        idle.computeIfAbsent(connection.origin(), o -> new ArrayDeque<>()).addFirst(connection);
        idleOldestFirst.add(connection);
      }
    } finally {
      lock.unlock();
    }
    if (evicted != null) discard(evicted);
  }

  private Http1Connection removeOldest() {
    Http1Connection oldest = idleOldestFirst.removeFirst();
    ArrayDeque<Http1Connection> queue = idle.get(oldest.origin());
    queue.remove(oldest);
    if (queue.isEmpty()) idle.remove(oldest.origin());
    return oldest;
  }

  /** Opens a new connection to {@code origin} (see {@link Http1Connector#open}); {@code alarm} guards it. */
  Http1Connection connect(Origin origin, Http1Alarm alarm) throws IOException {
    Http1Connection connection = connector.open(origin, alarm);
    open.add(connection);
    if (watchdog.isShutdown()) connection.close();
    return connection;
  }

  /** Closes a connection that will not be used again. */
  void discard(Http1Connection connection) {
    open.remove(connection);
    connection.close();
  }

  /**
   * Rings every fetch's alarm and closes every open connection: fetches in flight fail at once,
   * whatever they are doing, and send nothing again.
   */
  void cancelAll() {
    armed.forEach(Http1Alarm::ring);
    lock.lock();
    try {
      idle.clear();
      idleOldestFirst.clear();
    } finally {
      lock.unlock();
    }
    open.forEach(this::discard);
  }

  /** Stops the watchdog and closes every connection; connections opened later are closed at once. */
  void shutdown() {
    watchdog.shutdownNow();
    cancelAll();
  }

  /** Connections open now, idle or in use. */
  int openCount() {
    return open.size();
  }
}
