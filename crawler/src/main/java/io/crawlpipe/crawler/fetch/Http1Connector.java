package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connections of an {@link Http1Pool}: a name lookup bounded by the fetch's deadline
 * (see {@link NameLookup}; none for an IP address, so that a timeout never names one); a TCP
 * connect bounded by the time left until that deadline, to the origin or to the proxy its {@link
 * ProxyRoutes} choose, no proxy of the JVM's consulted; then for
 * {@code https} a {@link Http1Tunnel} if proxied, and a TLS handshake that checks the certificate
 * against the host name as browsers and OkHttp do: by its subject alternative names only, never
 * by its subject's CN (the JDK's check falls back to the CN when a certificate has no DNS name);
 * without {@code checkHosts} ({@code --insecure}, whose TLS socket factory checks no certificate
 * either) no host is checked.
 * Each of a host's addresses is tried in turn; a refused connect names the address. The TLS
 * socket factory is asked for on the first {@code https} origin only. The fetch's {@link
 * FetchProgress} hears of each phase.
 *
 * <p>Thread-safe and stateless between calls.
 */
final class Http1Connector {
  private final Supplier<SSLSocketFactory> tls;
  private final Resolver resolver;
  private final ProxyRoutes proxies;
  private final boolean checkHosts;

  /** Looks up a host's addresses, in the order to try them. */
  @FunctionalInterface
  interface Resolver {
    Resolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * {@code proxies}: which proxy, if any, an {@code https} origin is tunnelled through; {@code
   * checkHosts}: whether the server's certificate must name the origin's host.
   */
  Http1Connector(Supplier<SSLSocketFactory> tls, Resolver resolver, ProxyRoutes proxies, boolean checkHosts) {
    this.tls = Objects.requireNonNull(tls, "tls");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    this.checkHosts = checkHosts;
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
    FetchProgress progress = alarm.progress();
    if (!NameLookup.isIpAddress(host)) progress.lookingUp(host); // an IP address is not looked up
    for (InetAddress address : lookUp(host, named, alarm)) {
      InetSocketAddress to = new InetSocketAddress(address, port);
      progress.connecting(printable(to)); // before the guard, which closes the socket at once after the deadline
      Socket socket = new Socket(Proxy.NO_PROXY); // direct: the JVM's proxy selector is not asked
      alarm.guard(socket);
      try {
        socket.setTcpNoDelay(true);
        socket.connect(to, alarm.millisLeft());
        if (tunnel) {
          progress.connecting(origin.host() + ":" + origin.port() + " through proxy " + proxy);
          Http1Tunnel.open(socket, origin, proxy);
        }
        Socket connected = origin.https() ? handshake(socket, origin, progress) : socket;
        progress.awaitingResponse();
        return new Http1Connection(origin, socket, connected);
      } catch (IOException e) {
        socket.close();
        if (e instanceof Http1Tunnel.Refused) throw e;
        IOException reported = named == null && e instanceof ConnectException refused ? naming(to, refused) : e;
        if (failure == null) failure = reported;
        else if (reported != failure) failure.addSuppressed(reported); // never itself: see Suppressed
      }
    }
    throw named != null && failure instanceof ConnectException refused ? proxyRefused(named, refused) : failure;
  }

  /** The addresses of {@code host}; when it is {@code proxy}'s, a name that cannot be looked up names the proxy. */
  private InetAddress[] lookUp(String host, HttpProxy proxy, Http1Alarm alarm) throws IOException {
    try {
      return NameLookup.addresses(resolver, host, alarm);
    } catch (UnknownHostException e) {
      if (proxy == null) throw e;
      UnknownHostException named = new UnknownHostException("proxy " + proxy + ": " + e.getMessage());
      named.initCause(e);
      throw named;
    }
  }

  /** {@code 1.2.3.4:80}, {@code [::1]:443}: an address as a connect failure names it. */
  static String printable(InetSocketAddress address) {
    String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** The JDK says only {@code Connection refused}: the address it was refused at goes first. */
  private static ConnectException naming(InetSocketAddress address, ConnectException e) {
    ConnectException named = new ConnectException("connect to " + printable(address) + ": " + e.getMessage());
    named.initCause(e);
    return named;
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
  private SSLSocket handshake(Socket socket, Origin origin, FetchProgress progress) throws IOException {
    progress.handshaking();
    SSLSocket ssl = (SSLSocket) tls.get().createSocket(socket, origin.host(), origin.port(), true);
    SSLParameters parameters = ssl.getSSLParameters();
    if (checkHosts) parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    if (checkHosts && !NameLookup.isIpAddress(origin.host()) && !namesADnsHost(ssl.getSession())) {
      throw new SSLPeerUnverifiedException("certificate does not match host " + origin.host()
          + " (it names no host but in its subject CN, which browsers and okhttp ignore)");
    }
    return ssl;
  }

  /**
   * True when the peer's certificate has a DNS subject alternative name. The JDK has already
   * matched the host against those; a certificate without any it matched by its subject CN instead.
   */
  private static boolean namesADnsHost(SSLSession session) throws SSLPeerUnverifiedException {
    try {
      Collection<List<?>> names = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectAlternativeNames();
      return names != null && names.stream().anyMatch(name -> Integer.valueOf(2).equals(name.getFirst()));
    } catch (CertificateParsingException e) {
      throw new SSLPeerUnverifiedException("certificate's subject alternative names cannot be read: " + e.getMessage());
    }
  }
}
