package io.crawlpipe.crawler.fetch;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * How {@link SharedClient}'s configurations go through a proxy: set as the client's one proxy, each
 * tunnel's {@code CONNECT} carrying the crawl's User-Agent, not OkHttp's, and the proxy's
 * credentials, which go only to the proxy itself, never to a site inside its tunnel.
 *
 * <p>Stateless and thread-safe. Arguments may not be null unless they say so.
 */
final class OkHttpTunnels {
  /** The {@code Proxy-Authenticate} of the stand-in 407 with which OkHttp asks for a tunnel's request. */
  private static final String PREEMPTIVE = "OkHttp-Preemptive";

  private OkHttpTunnels() {}

  /**
   * The {@code CONNECT} OkHttp is about to send ({@code request}, with OkHttp's own User-Agent)
   * with {@code userAgent} and, when {@code authorization} is not null, the proxy's credentials:
   * OkHttp asks its proxy authenticator for it before each tunnel, with a stand-in 407 whose {@code
   * Proxy-Authenticate} is {@code OkHttp-Preemptive}, and sends what it returns.
   */
  static Request tunnelRequest(Request request, String userAgent, String authorization) {
    Request.Builder tunnel = request.newBuilder().header("User-Agent", userAgent);
    if (authorization != null) tunnel.header("Proxy-Authorization", authorization);
    return tunnel.build();
  }

  /**
   * The request again with the proxy's credentials, once, on a 407 (null: none, so the 407 stands).
   * A 407 can also come from an {@code https} site from inside its tunnel, where the proxy's
   * password must never go: only a {@code CONNECT} or a request in the clear, which the proxy
   * itself answers, gets it.
   */
  static Request proxyCredentials(Request request, String authorization) {
    boolean toTheProxy = request.method().equals("CONNECT") || !request.isHttps();
    if (!toTheProxy || request.header("Proxy-Authorization") != null) return null;
    return request.newBuilder().header("Proxy-Authorization", authorization).build();
  }

  /**
   * {@code base} through {@code proxy}, its tunnels opened with {@code userAgent} and the proxy's
   * credentials if it has any; null: direct, no proxy selector asked.
   */
  static OkHttpClient through(OkHttpClient base, HttpProxy proxy, String userAgent) {
    OkHttpClient.Builder builder = base.newBuilder();
    if (proxy == null) return builder.proxy(Proxy.NO_PROXY).build();
    builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
    return builder.proxyAuthenticator(tunnelAuthenticator(userAgent, proxy.authorization())).build();
  }

  /**
   * The proxy authenticator that opens each tunnel with {@code userAgent} and, when {@code
   * authorization} (nullable) is not null, sends those credentials again, once, on a proxy's 407
   * ({@link #proxyCredentials}); with null, a proxy's 407 stands. The base configuration has it
   * with null, for a proxy the JVM's proxy selector picks. Stateless and thread-safe.
   */
  static Authenticator tunnelAuthenticator(String userAgent, String authorization) {
    Objects.requireNonNull(userAgent, "userAgent");
    return (route, response) -> {
      // Only a CONNECT: a site's 407 from inside a tunnel may name the same challenge, and gets nothing.
      boolean preemptive = response.request().method().equals("CONNECT")
          && PREEMPTIVE.equals(response.header("Proxy-Authenticate"));
      if (preemptive) return tunnelRequest(response.request(), userAgent, authorization);
      return authorization == null ? null : proxyCredentials(response.request(), authorization);
    };
  }
}
