package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connections of an {@link Http1Fetcher}: opens them (a name lookup bounded by the fetch's
 * deadline, see {@link NameLookup}; a TCP connect bounded by the connect timeout, to the origin
 * or to the {@code --proxy}, no proxy of the JVM's consulted; then for {@code https} a {@link
 * Http1Tunnel} if proxied, and a TLS handshake that checks the certificate against the host name),
 * and keeps up to {@code maxIdle} idle ones for reuse, newest first per origin. An idle connection
 * older than {@code keepAlive} is closed instead of reused; when the pool is full the oldest idle
 * one is closed. One watchdog thread rings each fetch's {@link Http1Alarm} at its deadline. The
 * TLS socket factory is asked for on the first {@code https} origin only.
 *
 * <p>Thread-safe. The owner calls {@link #shutdown()}; {@link #cancelAll()} closes every open connection.
 */
final class Http1Pool {
  private final int maxIdle;
  private final long keepAliveNanos;
  private final Duration connectTimeout;
  private final Supplier<SSLSocketFactory> tls;
  private final Resolver resolver;
  private final HttpProxy proxy;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Origin, ArrayDeque<Http1Connection>> idle = new HashMap<>();
  private final LinkedHashSet<Http1Connection> idleOldestFirst = new LinkedHashSet<>();
  private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
  private final Set<Http1Alarm> armed = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor watchdog;

  /** Looks up a host's addresses, in the order to try them. */
  @FunctionalInterface
  interface Resolver {
    Resolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** {@code proxy}: the HTTP proxy that {@code https} origins are tunnelled through, or null. */
  Http1Pool(int maxIdle, Duration keepAlive, Duration connectTimeout, Supplier<SSLSocketFactory> tls, Resolver resolver,
      HttpProxy proxy) {
    if (maxIdle < 0) throw new IllegalArgumentException("maxIdle < 0: " + maxIdle);
    this.proxy = proxy;
    this.maxIdle = maxIdle;
    this.keepAliveNanos = keepAlive.toNanos();
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.watchdog = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("http1-watchdog").daemon().factory());
    watchdog.setRemoveOnCancelPolicy(true);
  }

  /**
   * An alarm that closes what it guards once {@code deadline} (a {@link System#nanoTime()}) passes,
   * or {@link #cancelAll()} is called; the fetch closes it when done.
   *
   * @throws IOException when the pool was shut down
   */
  Http1Alarm alarm(long deadline) throws IOException {
    try {
      return new Http1Alarm(watchdog, deadline, armed);
    } catch (RejectedExecutionException e) {
      throw new IOException("the HTTP client was closed");
    }
  }

  /** The newest idle connection to {@code origin} that is still fresh, or null. */
  Http1Connection take(Origin origin) {
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
    return found;
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

  /**
   * Opens a new connection to {@code origin}, trying each of its addresses in turn; {@code alarm}
   * guards it. With a proxy, an {@code https} origin is reached through a tunnel (the fetcher sends
   * {@code http} requests to the proxy's own origin).
   */
  Http1Connection connect(Origin origin, Http1Alarm alarm) throws IOException {
    boolean tunnel = proxy != null && origin.https();
    String host = tunnel ? proxy.host() : origin.host();
    int port = tunnel ? proxy.port() : origin.port();
    IOException failure = null;
    for (InetAddress address : NameLookup.addresses(resolver, host, alarm)) {
      Socket socket = new Socket(Proxy.NO_PROXY); // direct: the JVM's proxy selector is not asked
      alarm.guard(socket);
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, connectTimeout.toMillis()));
        if (tunnel) Http1Tunnel.open(socket, origin, proxy);
        Socket connected = origin.https() ? handshake(socket, origin) : socket;
        Http1Connection connection = new Http1Connection(origin, socket, connected);
        open.add(connection);
        if (watchdog.isShutdown()) connection.close();
        return connection;
      } catch (IOException e) {
        socket.close();
        if (e instanceof Http1Tunnel.Refused) throw e;
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    throw proxy != null && failure instanceof ConnectException refused ? proxyRefused(refused) : failure;
  }

  /** The proxy would not take the connection: said so, or the message reads as if the site refused. */
  private ConnectException proxyRefused(ConnectException e) {
    ConnectException named = new ConnectException("proxy " + proxy + ": " + e.getMessage());
    named.initCause(e);
    return named;
  }

  /** The TLS handshake over {@code socket}, which the fetch's alarm already guards. */
  private SSLSocket handshake(Socket socket, Origin origin) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.get().createSocket(socket, origin.host(), origin.port(), true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
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
