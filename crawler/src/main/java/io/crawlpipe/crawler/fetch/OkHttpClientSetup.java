package io.crawlpipe.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * How {@link SharedClient}'s OkHttp configurations are built: the cleartext one with its pool,
 * timeouts, interceptors and sockets (see {@link SharedClient} for why each is so), the TLS set-up
 * derived from it, and the pool of one resend's own connection.
 *
 * <p>Stateless and thread-safe; each call builds new objects. Arguments may not be null.
 */
final class OkHttpClientSetup {
  /** OkHttp's longest connect timeout. */
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private OkHttpClientSetup() {}

  /**
   * The TLS set-up for {@code trust}: a socket factory and trust manager over the JDK's trust
   * anchors (as OkHttp's default) when it adds no authority, else over the JDK's and its own; for
   * an {@linkplain TlsTrust#insecure insecure} trust, ones that check no certificate, and a host
   * name verifier that accepts any host. A trust store that cannot be loaded fails the build with an
   * IllegalStateException whose message is {@link TlsTrust#unloadable}'s line, as {@link
   * Http1Fetcher}'s does, not OkHttp's bare KeyStoreException.
   */
  static UnaryOperator<OkHttpClient.Builder> trusting(TlsTrust trust) {
    return builder -> {
      TlsTrust.Context context = trust.isJdkDefault() ? TlsTrust.jdkContext() : trust.context();
      builder.sslSocketFactory(context.sockets(), context.trustManager());
      return trust.insecure() ? builder.hostnameVerifier(UncheckedServers.HOSTS) : builder;
    };
  }

  /** The cleartext client's builder, its pool keeping up to {@code idleConnections} (at least 1) idle connections. */
  static OkHttpClient.Builder cleartext(FetchSettings settings, int idleConnections) {
    OkHttpConnections connections = OkHttpConnections.find();
    OkHttpReadAhead readAhead = new OkHttpReadAhead(connections);
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .connectionPool(new ConnectionPool(idleConnections, 1, TimeUnit.MINUTES))
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        // Never first: each call's timeout is the time left of --timeout. OkHttp takes at most 2^31-1 ms (24.8 days).
        .connectTimeout(settings.timeout().compareTo(MAX_CONNECT_TIMEOUT) > 0 ? MAX_CONNECT_TIMEOUT : settings.timeout())
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .socketFactory(readAhead.sockets())
        .eventListenerFactory(call -> new OkHttpExchangeGuard.BodyEndCheck(connections, readAhead))
        .proxyAuthenticator(OkHttpTunnels.tunnelAuthenticator(settings.userAgent(), null))
        .addInterceptor(OkHttpRetryAfter.SHOW)
        .addInterceptor(OkHttpSiteProxyAuth.SHOW)
        .addNetworkInterceptor(OkHttpSiteProxyAuth.HIDE)
        .addNetworkInterceptor(new OkHttpExchangeGuard(connections));
    return builder;
  }

  /**
   * {@code base} with a pool of its own that keeps nothing idle, for one call: see {@link
   * SharedClient#forNewConnection}.
   */
  static OkHttpClient withOwnPool(OkHttpClient base) {
    return base.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.MINUTES)).build();
  }
}
