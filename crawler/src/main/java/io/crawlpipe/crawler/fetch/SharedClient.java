package io.crawlpipe.crawler.fetch;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one OkHttp client a crawl shares, in two configurations over the same connection pool,
 * dispatcher and settings: a cleartext one for {@code http} URLs, and one with TLS for {@code https}
 * URLs, derived from it ({@link OkHttpClient#newBuilder()}) on the first {@code https} URL. Building
 * an OkHttp client with TLS loads and parses the JDK's trust store and initialises a TLS context
 * (about 0.1 s of CPU, a fifth of a one-URL crawl's); a list without {@code https} URLs never pays it.
 *
 * <p>The pool keeps up to {@link IdleConnections#max} idle connections; redirects are left to {@link
 * OkHttpFetcher}, and so is sending a request again: OkHttp's own resends ({@code
 * retryOnConnectionFailure}) are off, since it tries a request that got no answer on every idle
 * connection to the host and then on two new ones, and sends it again after any {@code 408}.
 * {@link #forNewConnection} gives the configuration for {@link OkHttpFetcher}'s one resend, on a
 * connection of its own. HTTP/2
 * and transparent gzip as OkHttp does them. No socket read or write timeout:
 * {@link OkHttpFetcher} gives every fetch one deadline of {@code --timeout} for its request(s) and
 * body (OkHttp's call timeout, kept by one watchdog thread), and an inactivity timeout of the same
 * length could never fire first; it only cost a timer per blocking read (on a virtual thread, a task
 * on the JDK's delay scheduler). An {@link OkHttpExchangeGuard} keeps a connection on which a server
 * sent more than its response framed from carrying the next request, and reads malformed response
 * heads as {@link Http1Fetcher} does ({@link OkHttpFraming}); gzip is decoded there ({@link GzipBodySource}).
 * A site's own {@code 407} on a connection through no proxy is a response, not a failure ({@link
 * OkHttpSiteProxyAuth}). Its sockets bound what OkHttp reads ahead of its parser ({@link OkHttpReadAhead}).
 *
 * <p>With {@linkplain FetchSettings#proxies() proxies}, each URL gets a configuration derived for
 * its route: through its proxy, set as the client's one proxy with that proxy's credentials, or
 * direct ({@link Proxy#NO_PROXY}). A tunnel's {@code CONNECT} carries the crawl's User-Agent, not
 * OkHttp's ({@link #tunnelRequest}). A fixed proxy, not a {@code ProxySelector}: OkHttp connects
 * directly, without asking a selector, to a host {@link java.net.URI} cannot parse (one with an
 * {@code _}). Without proxies the JVM's default proxy selector is left in place, and a tunnel
 * through a proxy it picks carries the crawl's User-Agent too, with no credentials.
 *
 * <p>Thread-safe. The caller owns it and calls {@link #shutdown()} at the end of the crawl.
 */
public final class SharedClient {
  /** OkHttp's longest connect timeout. */
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
  /** The {@code Proxy-Authenticate} of the stand-in 407 with which OkHttp asks for a tunnel's request. */
  private static final String PREEMPTIVE = "OkHttp-Preemptive";
  private static final List<ConnectionSpec> WITH_TLS = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

  private final OkHttpClient cleartext;
  private final UnaryOperator<OkHttpClient.Builder> tlsSetup;
  private final ProxyRoutes proxies;
  private final String userAgent;
  private final Map<Route, OkHttpClient> routed = new ConcurrentHashMap<>();
  /** Set by {@link #cancelAll}: calls started later are cancelled at once. */
  private volatile boolean cancelled;
  /**
   * Calls from their {@code execute()} until their body is read or closed. OkHttp's dispatcher
   * forgets a synchronous call once {@code execute()} returns its response head, so a call still
   * reading its body can only be cancelled through this set.
   */
  private final Set<Call> live = ConcurrentHashMap.newKeySet();
  private volatile OkHttpClient tls;

  /** A configuration's scheme and proxy (null: direct). */
  private record Route(boolean https, HttpProxy proxy) {}

  /**
   * Over {@code cleartext} (a client that must speak cleartext only), whose TLS configuration is
   * derived from it with OkHttp's default connection specs and then passed through {@code tlsSetup}
   * (tests use it to trust their own certificate); through {@code settings}' proxies, whose tunnels
   * it opens with {@code settings}' User-Agent.
   */
  SharedClient(OkHttpClient cleartext, UnaryOperator<OkHttpClient.Builder> tlsSetup, FetchSettings settings) {
    this.cleartext = Objects.requireNonNull(cleartext, "cleartext");
    this.tlsSetup = Objects.requireNonNull(tlsSetup, "tlsSetup");
    this.proxies = Objects.requireNonNull(settings, "settings").proxies();
    this.userAgent = settings.userAgent();
    if (cleartext.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls)) {
      throw new IllegalArgumentException("the cleartext client has TLS connection specs: " + cleartext.connectionSpecs());
    }
  }

  /** The client a crawl of {@code concurrency} parallel requests shares. */
  public static SharedClient create(FetchSettings settings, int concurrency) {
    return keepingIdle(settings, IdleConnections.max(concurrency));
  }

  /**
   * A client whose pool keeps up to {@code idleConnections} idle connections, however many
   * requests it has in flight: a worker of {@code processes} mode keeps as many as the whole run
   * would. IllegalArgumentException if {@code idleConnections} is below 1.
   */
  static SharedClient keepingIdle(FetchSettings settings, int idleConnections) {
    OkHttpClient cleartext = builderKeepingIdle(settings, IdleConnections.checked(idleConnections)).build();
    return new SharedClient(cleartext, trusting(settings.trust()), settings);
  }

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

  /** The cleartext client's builder as {@link #create} configures it. */
  static OkHttpClient.Builder cleartextBuilder(FetchSettings settings, int concurrency) {
    return builderKeepingIdle(settings, IdleConnections.max(concurrency));
  }

  private static OkHttpClient.Builder builderKeepingIdle(FetchSettings settings, int idleConnections) {
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
        .proxyAuthenticator(tunnelAuthenticator(settings.userAgent(), null))
        .addInterceptor(OkHttpRetryAfter.SHOW)
        .addInterceptor(OkHttpSiteProxyAuth.SHOW)
        .addNetworkInterceptor(OkHttpSiteProxyAuth.HIDE)
        .addNetworkInterceptor(new OkHttpExchangeGuard(connections));
    return builder;
  }

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

  /** The configuration for {@code url}'s scheme; the TLS one is built on its first use. */
  public OkHttpClient forUrl(HttpUrl url) {
    OkHttpClient base = url.isHttps() ? tls() : cleartext;
    if (proxies.isDirect()) return base;
    HttpProxy proxy = proxies.forOrigin(Origin.of(url));
    return routed.computeIfAbsent(new Route(url.isHttps(), proxy), route -> through(base, route.proxy(), userAgent));
  }

  /**
   * {@link #forUrl}'s configuration for {@code url} with a pool of its own that keeps nothing, for
   * one call: it connects anew, whatever idle connections the shared pool holds for the host (a
   * server that closed one while it was idle may have closed them all), and the connection is
   * closed when its exchange ends. A pool per call, not one shared by every resend: HTTP/2 would
   * carry all the resends on one connection (a pool that keeps nothing idle still shares a busy
   * one), and a response that kills its connection (a head past OkHttp's limit fails every stream
   * on it) would kill the others' again. Costs a client object per resend; they are few.
   */
  OkHttpClient forNewConnection(HttpUrl url) {
    return forUrl(url).newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.MINUTES)).build();
  }

  /**
   * {@code base} through {@code proxy}, its tunnels opened with {@code userAgent} and the proxy's
   * credentials if it has any; null: direct, no proxy selector asked.
   */
  private static OkHttpClient through(OkHttpClient base, HttpProxy proxy, String userAgent) {
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

  /** True once an {@code https} URL has needed the TLS configuration. */
  boolean tlsBuilt() {
    return tls != null;
  }

  private OkHttpClient tls() {
    OkHttpClient built = tls;
    if (built != null) return built;
    synchronized (this) {
      if (tls == null) tls = tlsSetup.apply(cleartext.newBuilder().connectionSpecs(WITH_TLS)).build();
      return tls;
    }
  }

  /**
   * Registers {@code call}, about to be executed, until {@link #ended} so that {@link #cancelAll}
   * reaches it while it reads its body too.
   */
  void started(Call call) {
    live.add(call);
    if (cancelled) call.cancel();  // one sent again just after cancelAll went through the calls
  }

  /** {@code call}'s response is read or closed: {@link #cancelAll} need not reach it any more. */
  void ended(Call call) {
    live.remove(call);
  }

  /**
   * Cancels every call queued, waiting for its response or reading its body, in both
   * configurations (they share one dispatcher): each fails at once with an IOException; so does
   * any call {@link #started} from then on (a fetch sending its request again), for good.
   */
  public void cancelAll() {
    cancelled = true;
    cleartext.dispatcher().cancelAll();
    live.forEach(Call::cancel);
  }

  /** Closes idle connections and stops the client's background threads. */
  public void shutdown() {
    cleartext.dispatcher().executorService().shutdown();
    cleartext.connectionPool().evictAll();
  }
}
