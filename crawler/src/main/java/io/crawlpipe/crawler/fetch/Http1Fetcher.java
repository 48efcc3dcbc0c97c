package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crawlpipe.parser.ContentTypes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.HttpUrl;

/**
 * Fetches over crawlpipe's own HTTP/1.1 client ({@link Http1Pool}, {@link Http1Connection}):
 * one {@code GET} per hop with {@code Host}, {@code User-Agent}, the {@linkplain FetchSettings#headers()
 * added headers}, {@code Accept-Encoding: gzip} and keep-alive, connections reused per origin. It keeps {@link OkHttpFetcher}'s contract: redirects
 * followed here up to the limit and the next one returned as the response, without its body (the
 * crawl's {@code HostScheduler} asks for no redirects and follows them itself, hop by hop, under
 * each host's limits), one deadline for every hop and the body, the body counted in
 * decoded bytes and abandoned past {@code maxBytes}, bodies of non-textual types or of content
 * codings crawlpipe does not decode ({@link ContentCodings}) not read (but a
 * {@code /robots.txt}'s, whatever its type: robots.txt is text however it is served), gzip
 * decoded transparently, the same error types. URLs are parsed and resolved as OkHttp's {@link
 * HttpUrl} does ({@link UrlParser#target}), so both fetchers see the same URL. A pooled connection
 * that fails before any byte of its response arrived (the server closed it while idle), or that
 * answers {@code 408 Request Timeout} (the server timed it out while idle), is replaced by a new
 * one, once; so is one on which bytes arrived while it was idle ({@link Http1Pool#take}).
 *
 * <p>Goes through the proxy {@link FetchSettings#proxies()} chooses for a URL, if any: {@code
 * http} requests in absolute form to the proxy, {@code https} through a {@code CONNECT} tunnel.
 * No HTTP/2 or cookies. Thread-safe; the caller calls {@link #close()}.
 */
public final class Http1Fetcher implements PooledFetcher {

  private final Http1Pool pool;
  private final FetchSettings settings;
  private final Clock clock;
  private final String fixedHeaders;
  private final ProxyRoutes proxies;
  /** The {@code http} proxy's origin, or null when there is none. */
  private final Origin proxyOrigin;
  private final String proxyHeaders;
  private final UrlParser urls = new UrlParser(UrlParser.KEPT_AUTHORITIES);

  /**
   * A fetcher with the TLS context {@link FetchSettings#trust()} gives and up to {@link
   * IdleConnections#max} idle connections for {@code concurrency} requests in flight.
   */
  public Http1Fetcher(FetchSettings settings, int concurrency, Clock clock) {
    this(settings, concurrency, clock, tls(settings), Http1Connector.Resolver.SYSTEM);
  }

  /** As the public constructor, with the TLS socket factory (asked for once, on the first https URL) and the resolver given. */
  Http1Fetcher(FetchSettings settings, int concurrency, Clock clock, Supplier<SSLSocketFactory> tls,
      Http1Connector.Resolver resolver) {
    this(settings, clock, tls, resolver, IdleConnections.max(concurrency));
  }

  /**
   * A fetcher with the TLS context {@link FetchSettings#trust()} gives that keeps up to {@code idleConnections} idle
   * connections, however many requests it has in flight: a worker of {@code processes} mode keeps
   * as many as the whole run would. IllegalArgumentException if {@code idleConnections} is below 1.
   */
  static Http1Fetcher keepingIdle(FetchSettings settings, int idleConnections, Clock clock) {
    return new Http1Fetcher(settings, clock, tls(settings), Http1Connector.Resolver.SYSTEM,
        IdleConnections.checked(idleConnections));
  }

  private Http1Fetcher(FetchSettings settings, Clock clock, Supplier<SSLSocketFactory> tls,
      Http1Connector.Resolver resolver, int idleConnections) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fixedHeaders = fixedHeaders(settings);
    this.proxies = settings.proxies();
    HttpProxy proxy = proxies.http();
    String authorization = proxy == null ? null : proxy.authorization();
    this.proxyOrigin = proxy == null ? null : new Origin(false, proxy.host(), proxy.port());
    this.proxyHeaders = authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n";
    this.pool = new Http1Pool(idleConnections, Duration.ofMinutes(1), memoize(tls), resolver, proxies,
        !settings.trust().insecure());
  }

  @Override
  public FetchResult fetch(String url) throws FetchException {
    return fetch(url, () -> {});
  }

  @Override
  public FetchResult fetch(String url, Runnable sent) throws FetchException {
    Instant fetchedAt = clock.instant();
    long start = System.nanoTime();
    long deadline = start + settings.timeout().toNanos();
    Target current = urls.target(url);
    FetchProgress progress = new FetchProgress(settings.timeout(), sent);
    try (Http1Alarm alarm = pool.alarm(deadline, progress)) {
      for (int hop = 0; ; hop++) {
        progress.request(current.origin().host(), hop == 0 ? null : current.url());
        Http1Connection connection = exchange(current, alarm, progress);
        try {
          ResponseHead head = connection.readHead();
          Target next = hop < settings.maxRedirects() ? redirectTarget(url, current, head) : null;
          if (next != null) {
            Http1BodyReader.discard(connection, head);
            current = next;
            continue;
          }
          // A redirect past the limit is handed back as it is, its Location not even resolved, without its body.
          boolean handedBack = head.redirectLocation() != null;
          if (handedBack) Http1BodyReader.discard(connection, head);
          byte[] body = !handedBack && readsBody(head, current)
              ? Http1BodyReader.read(url, connection, head, settings.maxBytes(), progress) : new byte[0];
          long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          return new FetchResult(url, current.url(), head.status(), head.contentType(),
              keptHeaders(head), body, fetchedAt, elapsedMs, 1);
        } finally {
          alarm.unguard();
          pool.release(connection);
        }
      }
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw FetchFailures.classify(url, e, System.nanoTime() - deadline >= 0, progress);
    }
  }

  /**
   * A connection to the target's origin (with a proxy: to the proxy for {@code http}, through a
   * tunnel for {@code https}) with the request for it sent: a pooled one if it answers (its
   * response head then read, for {@code readHead} to return), else a new one. A pooled one that
   * ends before any byte of a response, or answers {@code 408 Request Timeout} (the server timed
   * the idle connection out, and the request may be repeated), is closed and the request sent
   * again on a new one, once.
   */
  private Http1Connection exchange(Target target, Http1Alarm alarm, FetchProgress progress) throws IOException {
    boolean viaProxy = proxyOrigin != null && !target.origin().https() && proxies.forOrigin(target.origin()) != null;
    Origin origin = viaProxy ? proxyOrigin : target.origin();
    byte[] request = viaProxy ? request(target.origin() + target.requestTarget(), target.origin(), proxyHeaders)
        : request(target.requestTarget(), target.origin(), "");
    Http1Connection pooled = pool.take(origin);
    if (pooled != null) {
      alarm.guard(pooled);
      try {
        progress.awaitingResponse();
        pooled.send(request);
        progress.sent();
        if (pooled.peekHead().status() != 408) return pooled;
        pool.discard(pooled); // a 408 on a reused connection is its idle timeout, not an answer (RFC 9110 §15.5.9)
      } catch (IOException e) {
        pool.discard(pooled);
        if (pooled.receivedAny() || alarm.rang()) throw e; // a reply came, or the deadline or a cancel closed it
      }
    }
    Http1Connection fresh = pool.connect(origin, alarm);
    alarm.guard(fresh);
    try {
      progress.awaitingResponse();
      fresh.send(request);
      progress.sent();
      return fresh;
    } catch (IOException e) {
      pool.discard(fresh);
      throw e;
    }
  }

  /** The header lines every request ends with: the User-Agent, the added headers, gzip and keep-alive. */
  private static String fixedHeaders(FetchSettings settings) {
    StringBuilder lines = new StringBuilder("User-Agent: ").append(settings.userAgent()).append("\r\n");
    for (RequestHeader header : settings.headers()) lines.append(header.line()).append("\r\n");
    return lines.append("Accept-Encoding: gzip\r\nConnection: keep-alive\r\n\r\n").toString();
  }

  /** The request for {@code target} (origin form, or absolute form for a proxy), {@code extra} header lines included. */
  private byte[] request(String target, Origin origin, String extra) {
    return ("GET " + target + " HTTP/1.1\r\nHost: " + origin.hostHeader() + "\r\n" + extra + fixedHeaders).getBytes(UTF_8);
  }

  /** The next URL when the response is a redirect with a usable Location, else null (see {@link Redirects}). */
  private static Target redirectTarget(String url, Target current, ResponseHead head) throws FetchException {
    String location = head.redirectLocation();
    if (location == null) return null;
    return Target.of(Redirects.follow(url, HttpUrl.get(current.url()), location));
  }

  /**
   * True when the body of the response {@code head} begins is read: a {@code /robots.txt}'s
   * always; another's when its type is text ({@link ContentTypes#isTextual}) and its content coding
   * one crawlpipe reads ({@link ContentCodings}).
   */
  private static boolean readsBody(ResponseHead head, Target current) {
    if (current.isRobotsTxt()) return true;
    return ContentTypes.isTextual(head.contentType())
        && ContentCodings.of(head.header("content-encoding")) != ContentCodings.Coding.NOT_DECODED;
  }

  /**
   * The kept headers; after gzip decoding, not the Content-Encoding, nor the Content-Length of the
   * compressed body (as OkHttp); the Location as the redirect would be followed (UTF-8 when its
   * bytes are).
   */
  private static Map<String, String> keptHeaders(ResponseHead head) {
    boolean decoded = Http1BodyReader.isGzip(head);
    return FetchResult.keptHeaders(name -> switch (name) {
      case "content-length", "content-encoding" -> decoded ? null : head.header(name);
      case "location" -> head.location();
      default -> head.header(name);
    });
  }

  /** Closes every connection, so that every fetch in flight fails at once. */
  @Override
  public void cancelAll() {
    pool.cancelAll();
  }

  /** Closes every connection and stops the deadline watchdog. */
  @Override
  public void close() {
    pool.shutdown();
  }

  /** The TLS socket factory for {@code settings}' trust, built when first asked for. */
  private static Supplier<SSLSocketFactory> tls(FetchSettings settings) {
    TlsTrust trust = settings.trust();
    return trust.isJdkDefault() ? Http1Fetcher::defaultTls : () -> trust.context().sockets();
  }

  /**
   * The JDK's default TLS context's socket factory (the JDK builds that context once); an
   * IllegalStateException naming the deepest cause ({@link TlsTrust#unloadable}) if its trust store
   * cannot be loaded.
   */
  static SSLSocketFactory defaultTls() {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (java.security.NoSuchAlgorithmException e) {
      TlsTrust.jdkAnchors(); // throws with the deepest cause, which the JDK's context keeps only the first time
      throw new IllegalStateException(TlsTrust.unloadable(e), e);
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) value = supplier.get();
            v = value;
          }
        }
        return v;
      }
    };
  }
}
