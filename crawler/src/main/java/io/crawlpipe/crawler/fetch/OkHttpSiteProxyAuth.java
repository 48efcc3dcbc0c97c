package io.crawlpipe.crawler.fetch;

import java.net.Proxy;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from failing a call whose site answers {@code 407} on a connection that goes through
 * no HTTP proxy (direct, a loopback or {@code no_proxy} host): its follow-up logic throws {@code
 * ProtocolException: Received HTTP_PROXY_AUTH (407) code while not using proxy}, which became an
 * {@code io} error, retried and counted by the breaker, where {@link Http1Fetcher} records the
 * response as {@code status: 407}. The network interceptor {@link #HIDE} hands such a response on
 * as a {@code 400} (a code OkHttp follows nothing on, whose body it frames alike) marked by a header
 * of its own; the application interceptor {@link #SHOW}, outside that logic, gives it back its 407
 * before {@link OkHttpFetcher} reads it, headers and body untouched. A 407 through a proxy is left
 * to OkHttp and the proxy authenticator ({@link SharedClient}). Stateless and thread-safe.
 */
final class OkHttpSiteProxyAuth {
  /**
   * The marker between the two interceptors, never seen outside them: a name of this process's own,
   * which a server could send only by guessing 64 random bits it never sees, so a site's 400 is never
   * taken for a hidden 407, and a header a site sends is kept as it came.
   */
  private static final String HIDDEN =
      "Crawlpipe-Hidden-407-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private static final int STAND_IN = 400;

  /** Hands a 407 from a connection through no HTTP proxy on under {@link #STAND_IN}: a network interceptor. */
  static final Interceptor HIDE = chain -> {
    Response response = chain.proceed(chain.request());
    if (response.code() != 407 || throughHttpProxy(chain.connection())) return response;
    return response.newBuilder().code(STAND_IN).addHeader(HIDDEN, "1").build();
  };

  /** Gives a hidden 407 back its code (its reason phrase was kept): an application interceptor. */
  static final Interceptor SHOW = chain -> {
    Response response = chain.proceed(chain.request());
    if (response.code() != STAND_IN || response.header(HIDDEN) == null) return response;
    return response.newBuilder().code(407).removeHeader(HIDDEN).build();
  };

  private OkHttpSiteProxyAuth() {}

  /** True when {@code connection} (null before one is acquired) goes through an HTTP proxy, as OkHttp tells. */
  private static boolean throughHttpProxy(Connection connection) {
    return connection != null && connection.route().proxy().type() == Proxy.Type.HTTP;
  }
}
