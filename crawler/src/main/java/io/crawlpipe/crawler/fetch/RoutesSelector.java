package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link ProxyRoutes} as OkHttp asks for them: a {@link ProxySelector} that answers each URL with
 * its proxy or a direct connection, and the {@code Proxy-Authorization} value of the proxy a route
 * goes through. Immutable and thread-safe.
 */
final class RoutesSelector extends ProxySelector {
  private final ProxyRoutes routes;

  RoutesSelector(ProxyRoutes routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  public List<Proxy> select(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    String host = uri.getHost();
    if (host == null) return List.of(Proxy.NO_PROXY);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    HttpProxy proxy = routes.forOrigin(new Origin(https, host.toLowerCase(Locale.ROOT), port));
    return List.of(proxy == null ? Proxy.NO_PROXY
        : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // OkHttp reports the failure itself; there is no other proxy to try.
  }

  /** The {@code Proxy-Authorization} value for a connection through {@code proxy}, or null. */
  String authorization(Proxy proxy) {
    if (!(proxy.address() instanceof InetSocketAddress address)) return null;
    for (HttpProxy candidate : new HttpProxy[] {routes.http(), routes.https()}) {
      if (candidate != null && candidate.host().equalsIgnoreCase(address.getHostString())
          && candidate.port() == address.getPort()) {
        return candidate.authorization();
      }
    }
    return null;
  }
}
