package io.crawlpipe.crawler.fetch;

import java.net.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

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
 * OkHttp's ({@link OkHttpTunnels}). A fixed proxy, not a {@code ProxySelector}: OkHttp connects
 * directly, without asking a selector, to a host {@link java.net.URI} cannot parse (one with an
 * {@code _}). Without proxies the JVM's default proxy selector is left in place, and a tunnel
 * through a proxy it picks carries the crawl's User-Agent too, with no credentials.
 *
 * <p>Thread-safe. The caller owns it and calls {@link #shutdown()} at the end of the crawl.
 */
public final class SharedClient {
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
    OkHttpClient cleartext = OkHttpClientSetup.cleartext(settings, IdleConnections.checked(idleConnections)).build();
    return new SharedClient(cleartext, OkHttpClientSetup.trusting(settings.trust()), settings);
  }

  /** The cleartext client's builder as {@link #create} configures it. */
  static OkHttpClient.Builder cleartextBuilder(FetchSettings settings, int concurrency) {
    return OkHttpClientSetup.cleartext(settings, IdleConnections.max(concurrency));
  }

  /** The configuration for {@code url}'s scheme; the TLS one is built on its first use. */
  public OkHttpClient forUrl(HttpUrl url) {
    OkHttpClient base = url.isHttps() ? tls() : cleartext;
    if (proxies.isDirect()) return base;
    HttpProxy proxy = proxies.forOrigin(Origin.of(url));
    return routed.computeIfAbsent(new Route(url.isHttps(), proxy),
        route -> OkHttpTunnels.through(base, route.proxy(), userAgent));
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
    return OkHttpClientSetup.withOwnPool(forUrl(url));
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
