package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connections of an {@link Http1Pool}: a name lookup bounded by the fetch's deadline
 * (see {@link NameLookup}); a TCP connect bounded by the connect timeout, to the origin or to the
 * proxy its {@link ProxyRoutes} choose, no proxy of the JVM's consulted; then for {@code https} a
 * {@link Http1Tunnel} if proxied, and a TLS handshake that checks the certificate against the
 * host name. Each of a host's addresses is tried in turn. The TLS socket factory is asked for on
 * the first {@code https} origin only.
 *
 * <p>Thread-safe and stateless between calls.
 */
final class Http1Connector {
  private final Duration connectTimeout;
  private final Supplier<SSLSocketFactory> tls;
  private final Resolver resolver;
  private final ProxyRoutes proxies;

  /** Looks up a host's addresses, in the order to try them. */
  @FunctionalInterface
  interface Resolver {
    Resolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** {@code proxies}: which proxy, if any, an {@code https} origin is tunnelled through. */
  Http1Connector(Duration connectTimeout, Supplier<SSLSocketFactory> tls, Resolver resolver, ProxyRoutes proxies) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.proxies = Objects.requireNonNull(proxies, "proxies");
  }

  /**
   * A new connection to {@code origin}, which {@code alarm} guards from the first socket on. With a
   * proxy, an {@code https} origin is reached through a tunnel (the fetcher sends {@code http}
   * requests to the proxy's own origin).
   */
  Http1Connection open(Origin origin, Http1Alarm alarm) throws IOException {
    HttpProxy proxy = origin.https() ? proxies.forOrigin(origin) : null;
    boolean tunnel = proxy != null;
    HttpProxy named = tunnel ? proxy : isHttpProxy(origin) ? proxies.http() : null;
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
        return new Http1Connection(origin, socket, connected);
      } catch (IOException e) {
        socket.close();
        if (e instanceof Http1Tunnel.Refused) throw e;
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    throw named != null && failure instanceof ConnectException refused ? proxyRefused(named, refused) : failure;
  }

  /** {@code origin} is the {@code http} proxy itself, which the fetcher sends {@code http} requests to. */
  private boolean isHttpProxy(Origin origin) {
    HttpProxy http = proxies.http();
    return http != null && !origin.https() && http.host().equals(origin.host()) && http.port() == origin.port();
  }

  /** The proxy would not take the connection: said so, or the message reads as if the site refused. */
  private static ConnectException proxyRefused(HttpProxy proxy, ConnectException e) {
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
}
