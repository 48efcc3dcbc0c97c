package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does, whichever HTTP client it runs on: each subclass runs these
 * tests, and those of {@link FramingContract}, against its own fetcher, so the clients {@code
 * --client} chooses between behave alike.
 */
@Timeout(30)
abstract class FetcherContract extends FramingContract {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  final MockWebServer server = new MockWebServer();
  private PooledFetcher opened;

  /** A fetcher with {@code settings} and a pool for a few connections; closed after the test. */
  abstract PooledFetcher open(FetchSettings settings);

  /** A fetcher whose name lookups all fail with UnknownHostException, without asking any resolver. */
  abstract PooledFetcher openWithoutDns(FetchSettings settings);

  /** A fetcher that trusts only what {@code trusting} trusts, for TLS. */
  abstract PooledFetcher openTrusting(FetchSettings settings, HandshakeCertificates trusting);

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    if (opened != null) opened.close();
  }

  @Override
  final Fetcher fetcher(FetchSettings settings) {
    if (opened != null) opened.close();
    opened = open(settings);
    return opened;
  }

  static FetchSettings settings(Duration timeout, long maxBytes, int maxRedirects) {
    return new FetchSettings(timeout, maxBytes, maxRedirects, "crawlpipe-test/1");
  }

  @Override
  final Fetcher fetcher() {
    return fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5));
  }

  final String url(String path) {
    return server.url(path).toString();
  }

  @Test
  void sendsHttpUrlsToTheProxyInAbsoluteForm() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      FetchResult result = fetcher.fetch("http://site.test:8080/a/b?c=1");
      assertThat(new String(result.body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test:8080/a/b?c=1 HTTP/1.1");
      assertThat(result.finalUrl()).isEqualTo("http://site.test:8080/a/b?c=1");
    }
  }

  @Test
  void givesTheProxyItsCredentials() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.requireAuthorization("Basic dXNlcjpwYXNz"); // user:pass
      HttpProxy withCredentials = HttpProxy.parse(proxy.url().replace("http://", "http://user:pass@"));
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(withCredentials));
      FetchResult result = fetcher.fetch("http://site.test/x");
      assertThat(result.status()).isEqualTo(200);
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("via proxy: GET http://site.test/x HTTP/1.1");
    }
  }

  @Test
  void theEnvironmentsHttpProxyCarriesHttpUrlsButLoopbackHostsGoDirect() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("direct").build());
    try (TestProxy proxy = new TestProxy()) {
      ProxyRoutes routes = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes));

      assertThat(new String(fetcher.fetch("http://site.test/x").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test/x HTTP/1.1");
      assertThat(new String(fetcher.fetch(url("/loopback")).body(), StandardCharsets.UTF_8)).isEqualTo("direct");
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aHostAndPortOnTheBypassListGoDirectOtherPortsThroughTheProxy() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("direct").build());
    try (TestProxy proxy = new TestProxy()) {
      HttpProxy via = HttpProxy.parse(proxy.url());
      String host = server.getHostName(); // loopback, which only the environment's proxies skip on their own
      ProxyRoutes routes = new ProxyRoutes(via, via, NoProxy.parse("other.test, " + host + ":" + server.getPort()), false);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes));

      assertThat(new String(fetcher.fetch(url("/a")).body(), StandardCharsets.UTF_8)).isEqualTo("direct");
      assertThat(new String(fetcher.fetch("http://" + host + ":1/b").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://" + host + ":1/b HTTP/1.1");
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aHostJavaCannotParseStillGoesThroughTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      assertThat(new String(fetcher.fetch("http://a_b.test/x").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://a_b.test/x HTTP/1.1");
    }
  }

  @Test
  void aUrlsUserInfoAndFragmentNeverReachTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(502);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      assertThat(new String(fetcher.fetch("http://alice:s3cret@site.test/cred").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test/cred HTTP/1.1");
      assertThat(new String(fetcher.fetch("http://bob@bücher.test:8080/x?y#z").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://xn--bcher-kva.test:8080/x?y HTTP/1.1");
      assertThatThrownBy(() -> fetcher.fetch("https://alice:s3cret@site.test:8443/t#z")).isInstanceOf(FetchException.class);

      assertThat(proxy.heads().get(0)).contains("\r\nHost: site.test\r\n");
      assertThat(proxy.heads().get(1)).contains("\r\nHost: xn--bcher-kva.test:8080\r\n");
      assertThat(proxy.heads().get(2)).startsWith("CONNECT site.test:8443 HTTP/1.1\r\n");
      assertThat(proxy.heads()).allSatisfy(head -> assertThat(head).doesNotContain("alice", "s3cret", "bob", "#")
          .doesNotContainIgnoringCase("authorization"));
    }
  }

  @Test
  void aTunnelTheProxyRefusesIsAConnectError() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(502);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      FetchException failure = catchThrowableOfType(FetchException.class, () -> fetcher.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
    }
  }

  @Test
  void aListTakingManyHostsInTurnFindsEachHostsConnectionAgain() throws Exception {
    // the fetcher is opened for 4 requests in flight: 12 hosts are more than 4 idle connections a
    // host, fewer than 4 per request in flight (as curl keeps its connection cache)
    List<MockWebServer> hosts = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        MockWebServer host = new MockWebServer();
        host.start(InetAddress.getLoopbackAddress(), 0);
        hosts.add(host);
        for (int round = 0; round < 2; round++) host.enqueue(new MockResponse.Builder().body("page " + i).build());
      }
      Fetcher fetcher = fetcher();
      for (int round = 0; round < 2; round++) {
        for (MockWebServer host : hosts) assertThat(fetcher.fetch(host.url("/").toString()).status()).isEqualTo(200);
      }
      for (MockWebServer host : hosts) {
        host.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest again = host.takeRequest(5, TimeUnit.SECONDS);
        assertThat(again.getConnectionIndex()).as("%s: the first connection, kept idle", host.url("/")).isZero();
        assertThat(again.getExchangeIndex()).isEqualTo(1);
      }
    } finally {
      for (MockWebServer host : hosts) host.close();
    }
  }

  @Test
  void nonSuccessStatusIsDataNotAnException() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain").body("nope").build());
    FetchResult result = fetcher().fetch(url("/missing"));
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.isSuccessful()).isFalse();
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("nope");
    assertThat(result.contentType()).isEqualTo("text/plain");
    assertThat(result.fetchedAt()).isEqualTo(NOW);
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void aSitesOwn407IsAStatusSentOnceNotAnErrorEvenBesideAProxy() throws Exception {
    MockResponse challenge = new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"site\"")
        .setHeader("Content-Type", "text/plain").body("who are you?").build();
    server.enqueue(challenge);
    server.enqueue(challenge);
    try (TestProxy proxy = new TestProxy()) {
      ProxyRoutes loopbackDirect = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get);
      for (FetchSettings settings : List.of(settings(Duration.ofSeconds(10), 1 << 20, 5),
          settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(loopbackDirect))) {
        FetchResult result = fetcher(settings).fetch(url("/private"));
        assertThat(result.status()).isEqualTo(407);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("who are you?");
        assertThat(result.contentType()).isEqualTo("text/plain");
        assertThat(result.attempts()).isEqualTo(1);
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(proxy.heads()).isEmpty();
    }
  }

  @Test
  void aSitesHeaderNamedLikeTheClientsHidden407MarkerIsJustAHeader() throws Exception {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Crawlpipe-Hidden-407", "x").body("bad").build());
    server.enqueue(new MockResponse.Builder().code(407).setHeader("Crawlpipe-Hidden-407", "y").body("who").build());
    FetchResult forged = fetcher().fetch(url("/forged"));
    assertThat(forged.status()).as("a site's 400 stays a 400").isEqualTo(400);
    FetchResult real = fetcher().fetch(url("/real"));
    assertThat(real.status()).isEqualTo(407);
  }

  @Test
  void sendsTheConfiguredUserAgent() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    fetcher().fetch(url("/"));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("crawlpipe-test/1");
  }

  @Test
  void sendsTheAddedHeadersInOrderWithEveryHop() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/b").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    List<RequestHeader> added = List.of(RequestHeader.parse("Accept-Language: de-CH, de;q=0.9"),
        RequestHeader.parse("X-Trace: one"), RequestHeader.parse("x-trace:two"));
    fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withHeaders(added)).fetch(url("/a"));
    for (String path : List.of("/a", "/b")) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request.getTarget()).isEqualTo(path);
      assertThat(request.getHeaders().get("Accept-Language")).isEqualTo("de-CH, de;q=0.9");
      assertThat(request.getHeaders().values("X-Trace")).containsExactly("one", "two");
      assertThat(request.getHeaders().get("User-Agent")).isEqualTo("crawlpipe-test/1");
      assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }
  }

  @Test
  void anAddedRangeHeaderStillAsksForGzipAndGetsItDecoded() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").setHeader("Content-Type", "text/plain")
        .body(new Buffer().write(FramingContract.gzip("partial page"))).build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5)
        .withHeaders(List.of(RequestHeader.parse("Range: bytes=0-")))).fetch(url("/a"));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Range")).isEqualTo("bytes=0-");
    assertThat(request.getHeaders().values("Accept-Encoding")).containsExactly("gzip");
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("partial page");
  }

  @Test
  void followsRedirectChainAndRecordsFinalUrl() throws Exception {
    server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "/b").build());
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url("/c")).build());
    server.enqueue(new MockResponse.Builder().body("<title>C</title>").build());
    FetchResult result = fetcher().fetch(url("/a"));
    assertThat(result.url()).isEqualTo(url("/a"));
    assertThat(result.finalUrl()).isEqualTo(url("/c"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRedirectsUserInfoIsNeitherSentNorKeptInTheFinalUrlButItsFragmentIs() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", url("/b").replace("http://", "http://bob:hunter2@") + "#part").build());
    server.enqueue(new MockResponse.Builder().body("landed").build());
    FetchResult result = fetcher().fetch(url("/a"));
    assertThat(result.finalUrl()).isEqualTo(url("/b") + "#part");
    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest hop = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hop.getTarget()).isEqualTo("/b");
    assertThat(hop.getHeaders().get("Host")).isEqualTo(host() + ":" + server.getPort());
    assertThat(hop.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aFailureAtAHopWhoseLocationHasUserInfoNamesTheHopWithoutIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://bob:hunter2@127.0.0.1:1/x").build());
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(url("/a")));
    assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(e.getMessage()).startsWith("redirected to http://127.0.0.1:1/x: ").doesNotContain("bob", "hunter2");
  }

  @Test
  void aRedirectToARawUtf8PathIsFollowedAsUtf8() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: /ok/café\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/start"));
      assertThat(result.finalUrl()).isEqualTo(site.url("/ok/caf%C3%A9"));
      assertThat(site.requests().get(1)).startsWith("GET /ok/caf%C3%A9 HTTP/1.1\r\n");
    }
  }

  @Test
  void aContentTypeOfRawUtf8IsReadAsUtf8() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueUtf8("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251; name=\"café\"\r\n"
          + "Content-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/page"));
      assertThat(result.contentType()).isEqualTo("text/html; charset=windows-1251; name=\"café\"");
    }
  }

  @Test
  void aRedirectToARawUtf8HostIsFollowedToItsPunycodeName() throws Exception {
    try (RawHttpServer site = new RawHttpServer(); TestProxy proxy = new TestProxy()) {
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: http://bücher.test/x\r\nContent-Length: 0\r\n\r\n");
      ProxyRoutes routes = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get); // 127.0.0.1 goes direct
      FetchResult result = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes)).fetch(site.url("/start"));
      assertThat(result.finalUrl()).isEqualTo("http://xn--bcher-kva.test/x");
      assertThat(new String(result.body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://xn--bcher-kva.test/x HTTP/1.1");
    }
  }

  @Test
  void redirectWhoseBodyStallsIsFollowedAtOnce() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /target\r\nContent-Length: 1000\r\n\r\nx"); // then nothing more
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher(settings(Duration.ofSeconds(20), 1 << 20, 5)).fetch(site.url("/start"));
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(result.finalUrl()).isEqualTo(site.url("/target"));
      assertThat(result.elapsedMs()).as("not held until the deadline").isLessThan(10_000);
    }
  }

  @Test
  void redirectWhoseBodyIsCutShortIsFollowed() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 302 Found\r\nLocation: /target\r\nContent-Length: 100\r\n\r\nx");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/start"));
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(result.finalUrl()).isEqualTo(site.url("/target"));
      assertThat(site.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void responseWaitingOnAnIdleConnectionIsNotTheNextRequests() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher();
      assertThat(new String(fetcher.fetch(site.url("/1")).body(), StandardCharsets.UTF_8)).isEqualTo("first");
      site.sendUnaskedThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      FetchResult second = fetcher.fetch(site.url("/2"));
      assertThat(second.status()).isEqualTo(200);
      assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(site.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void a408OnAReusedConnectionIsItsIdleTimeoutAndTheRequestIsSentAgainOnANewOne() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst");
      site.enqueueThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher();
      assertThat(new String(fetcher.fetch(site.url("/1")).body(), StandardCharsets.UTF_8)).isEqualTo("first");
      FetchResult second = fetcher.fetch(site.url("/2"));
      assertThat(second.status()).isEqualTo(200);
      assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(site.requests()).hasSize(3);
      assertThat(site.requests().get(2)).startsWith("GET /2 HTTP/1.1\r\n");
      assertThat(site.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void aRequestUnansweredOnAPooledConnectionIsSentOnceMoreOnANewOneNotOnEveryPooledOne() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      int pooled = 3;
      openConnections(fetcher, site, pooled, false);
      for (int i = 0; i < pooled + 2; i++) site.enqueueThenClose(""); // reads the request, closes without a byte
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/close-before")));
      assertThat(e).isNotNull().hasMessage("connection closed before a response");
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(site.requests().stream().filter(head -> head.startsWith("GET /close-before ")))
          .as("sent on a pooled connection, then once on a new one").hasSize(2);
      assertThat(site.connectionCount()).isEqualTo(pooled + 1);
    }
  }

  @Test
  void a503WithRetryAfterZeroIsSentOnceAndItsRetryAfterIsKeptForTheRetryPolicy() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 4\r\n\r\nbusy");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/busy"));
      assertThat(result.status()).isEqualTo(503);
      assertThat(result.headers()).containsEntry("retry-after", "0")
          .allSatisfy((name, value) -> assertThat(name).doesNotStartWith("crawlpipe-hidden"));
      assertThat(site.requests()).as("retries are the retry policy's, not the client's").hasSize(1);
    }
  }

  @Test
  void a503WithAHeaderNamedLikeTheClientsHiddenRetryAfterHasNoRetryAfter() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 503 Service Unavailable\r\nCrawlpipe-Hidden-Retry-After: 0\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 4\r\n\r\nbusy");
      site.enqueue("HTTP/1.1 200 OK\r\nCrawlpipe-Hidden-Retry-After: 7\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult busy = fetcher().fetch(site.url("/busy"));
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.headers()).doesNotContainKey("retry-after");
      FetchResult ok = fetcher().fetch(site.url("/ok"));
      assertThat(ok.headers()).doesNotContainKey("retry-after");
      assertThat(site.requests()).hasSize(2);
    }
  }

  @Test
  void aFetchSucceedsOnANewConnectionWhenEveryPooledOneWasClosedByTheServer() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      openConnections(fetcher, site, 2, true);
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfresh");
      assertThat(new String(fetcher.fetch(site.url("/after")).body(), StandardCharsets.UTF_8)).isEqualTo("fresh");
      assertThat(site.connectionCount()).isEqualTo(3);
    }
  }

  /**
   * Leaves {@code count} connections to {@code site} in {@code fetcher}'s pool, by as many fetches
   * at once, each answered with a page framed by its length; the server then closes each if {@code
   * close} (without {@code Connection: close}: the client pools it, unable to tell until it uses it).
   */
  private static void openConnections(Fetcher fetcher, RawHttpServer site, int count, boolean close) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<FetchResult>> fetches = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String url = site.url("/open/" + i);
        fetches.add(threads.submit(() -> fetcher.fetch(url)));
      }
      Conditions.await(() -> site.requests().size() == count); // each on a connection of its own
      String page = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
      for (int i = 0; i < count; i++) {
        if (close) site.enqueueThenClose(page);
        else site.enqueue(page);
      }
      for (Future<FetchResult> fetch : fetches) assertThat(fetch.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theRedirectPastTheLimitIsTheResponseWithItsLocationAndNoBody() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/r" + i)
          .setHeader("Content-Type", "text/html").body("<title>moved</title>").build());
    }
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 2)).fetch(url("/start"));
    assertThat(result.status()).isEqualTo(302);
    assertThat(result.url()).isEqualTo(url("/start"));
    assertThat(result.finalUrl()).isEqualTo(url("/r1"));
    assertThat(result.headers()).containsEntry("location", "/r2");
    assertThat(result.body()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void saysOnceForEachRequestWrittenAfterItsConnect() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/there").build());
    server.enqueue(new MockResponse.Builder().body("here").build());
    List<Integer> reports = new ArrayList<>();
    FetchResult result = fetcher().fetch(url("/hop"), () -> reports.add(reports.size()));
    assertThat(result.status()).isEqualTo(200);
    assertThat(reports).as("once per request, the hop's included").containsExactly(0, 1);

    List<Integer> refused = new ArrayList<>();
    assertThatThrownBy(() -> fetcher().fetch("http://127.0.0.1:1/", () -> refused.add(1)))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECT));
    assertThat(refused).as("no request was written").isEmpty();
  }

  @Test
  void withoutRedirectsTheFirstRedirectIsTheResponse() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(301).setHeader("Location", "/loop").build();
      }
    });
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/loop"));
    assertThat(result.status()).isEqualTo(301);
    assertThat(Redirects.target(result.url(), result)).isEqualTo(url("/loop"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutRedirectsARedirectToAnUnusableLocationIsTheResponseNotAFailure() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "ftp://files.test/x").build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/x"));
    assertThat(result.status()).isEqualTo(302);
    assertThat(result.headers()).containsEntry("location", "ftp://files.test/x");
  }

  @Test
  void aLocationLongerThan64KibIsAnUnusableRedirectNotAResponseWithoutOne() throws Exception {
    String tooLong = "/long?" + "a".repeat(200_000);
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", tooLong).build());
    assertThatThrownBy(() -> fetcher().fetch(url("/x")))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");

    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", tooLong).build());
    FetchResult handedBack = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/x"));
    assertThat(handedBack.status()).isEqualTo(302);
    assertThatThrownBy(() -> Redirects.target(handedBack.url(), handedBack))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLongLocationWithinTheLimitIsFollowed() throws Exception {
    String location = "/long?" + "a".repeat(10_000);
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());
    server.enqueue(new MockResponse.Builder().body("landed").build());
    FetchResult result = fetcher().fetch(url("/x"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.finalUrl()).isEqualTo(url(location));
  }

  @Test
  void aRobotsTxtBodyIsReadWhateverItsContentType() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
        .body("User-agent: *\nDisallow: /private\n").build());
    FetchResult result = fetcher().fetch(url("/robots.txt"));
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("User-agent: *\nDisallow: /private\n");
  }

  @Test
  void serverThatNeverAnswersTimesOutAtTheDeadline() {
    server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("late").build());
    long start = System.nanoTime();
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofMillis(300), 1 << 20, 5)).fetch(url("/slow")));
    assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("no response within 300ms (--timeout)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aBodyThatStallsTimesOutSayingHowMuchOfItCame() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabcdefgh"); // then stalls
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(settings(Duration.ofMillis(500), 1 << 20, 5)).fetch(site.url("/stall")));
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("body incomplete after 500ms (--timeout): 8 of 1000 bytes");
    }
  }

  @Test
  void aConnectThatHangsTimesOutNamingTheAddress() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        // A listener that accepts nothing: once its backlog is full, the kernel drops further SYNs.
        for (int i = 0; i < 4; i++) {
          Socket filler = new Socket();
          filler.connect(full.getLocalSocketAddress(), 200);
          fillers.add(filler);
        }
      } catch (IOException backlogFull) {
        // one of the fillers already hung: full
      }
      String address = "127.0.0.1:" + full.getLocalPort();
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(settings(Duration.ofMillis(400), 1 << 20, 5)).fetch("http://" + address + "/"));
      for (Socket filler : fillers) filler.close();
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("connect to " + address + " did not finish within 400ms (--timeout)");
    }
  }

  @Test
  void bodyDribbledSlowerThanTheDeadlineTimesOutEvenThoughEachReadIsQuick() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(200))
        .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofMillis(500), 1 << 20, 5)).fetch(url("/dribble")));
    assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void declaredLengthOverTheLimitFailsTooLargeWithoutReadingTheBody() {
    server.enqueue(new MockResponse.Builder().body("y".repeat(5000)).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 1000, 5)).fetch(url("/big")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    assertThat(e.getMessage()).contains("1000");
  }

  @Test
  void chunkedBodyOverTheLimitFailsTooLarge() {
    server.enqueue(new MockResponse.Builder().chunkedBody("z".repeat(300_000), 4096).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 64 * 1024, 5)).fetch(url("/chunked")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
  }

  @Test
  void gzipBombIsMeasuredOnDecodedBytes() throws IOException {
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write(new byte[2 * 1024 * 1024]);
    }
    assertThat(gzipped.size()).isLessThan(64 * 1024);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gzipped).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 256 * 1024, 5)).fetch(url("/bomb")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
  }

  @Test
  void gzipBodyIsReturnedDecoded() throws Exception {
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write("<title>zipped</title>".getBytes(StandardCharsets.UTF_8));
    }
    server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gzipped).build());
    FetchResult result = fetcher().fetch(url("/gz"));
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("<title>zipped</title>");
  }

  @Test
  void anXGzipBodyIsDecodedAsGzip() throws Exception {
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write("<title>old apache</title>".getBytes(StandardCharsets.UTF_8));
    }
    server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "X-Gzip").body(gzipped).build());
    FetchResult result = fetcher().fetch(url("/gz"));
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("<title>old apache</title>");
  }

  @Test
  void gzipBodyIsJudgedOnItsDecodedSizeNotItsCompressedLength() throws Exception {
    byte[] noise = new byte[1000];
    new java.util.Random(7).nextBytes(noise); // incompressible: gzip makes it longer
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write(noise);
    }
    assertThat(gzipped.size()).isGreaterThan(1010);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain")
        .setHeader("Content-Encoding", "gzip").body(gzipped).build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1010, 5)).fetch(url("/noise"));
    assertThat(result.body()).isEqualTo(noise);
  }

  @Test
  void aChunkSizeWithLeadingZerosIsRead() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "00000000000000000005\r\nhello\r\n00000000000000000000000000\r\n\r\n");
      assertThat(new String(fetcher().fetch(site.url("/")).body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
  }

  @Test
  void aRepeatedHeaderGivesItsLastValue() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
        .addHeader("Content-Type", "text/html").addHeader("ETag", "\"a\"").addHeader("ETag", "\"b\"").body("<p>").build());
    FetchResult result = fetcher().fetch(url("/twice"));
    assertThat(result.contentType()).isEqualTo("text/html");
    assertThat(result.headers()).containsEntry("etag", "\"b\"");
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("<p>");
  }

  @Test
  void bodyOfANonTextualContentTypeIsNotRead() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body("p".repeat(500_000)).build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1000, 5)).fetch(url("/logo.png"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.contentType()).isEqualTo("image/png");
    assertThat(result.body()).isEmpty();
  }

  @Test
  void connectionResetMidBodyIsAnIoError() {
    server.enqueue(new MockResponse.Builder().body("w".repeat(100_000))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(url("/reset")));
    assertThat(e.type()).isIn(ErrorType.IO, ErrorType.CONNECT);
  }

  @Test
  void aStatusBelow100IsAnIoErrorNamingIt() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 099 Weird\r\nContent-Length: 0\r\n\r\n");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).isEqualTo("unexpected status line: HTTP/1.1 099 Weird");
      assertThat(e.url()).isEqualTo(site.url("/"));
    }
  }

  @Test
  void aNegativeContentLengthIsAnIoErrorNamingIt() throws Exception {
    List<String> heads = List.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain",
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip",
        "HTTP/1.1 302 Found\r\nLocation: /elsewhere");
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      for (String head : heads) {
        site.enqueueThenClose(head + "\r\nContent-Length: -5\r\n\r\nhello");
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/")));
        assertThat(e.type()).as(head).isEqualTo(ErrorType.IO);
        assertThat(e.getMessage()).as(head).contains("invalid Content-Length: -5");
      }
    }
  }

  @Test
  void refusedConnectionIsAConnectError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher().fetch("http://127.0.0.1:" + port + "/"));
    assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(e.url()).isEqualTo("http://127.0.0.1:" + port + "/");
    assertThat(e.getMessage()).isEqualTo("connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void aTransportFailureAtARedirectsHopNamesTheHop() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /closemid\r\nContent-Length: 0\r\n\r\n");
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabcdefgh");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/start")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.url()).isEqualTo(site.url("/start"));
      assertThat(e.getMessage()).startsWith("redirected to " + site.url("/closemid") + ": ");
    }
  }

  @Test
  void aLocationsLeadingControlIsStrippedNotReadAsAPathHoldingItsUserInfo() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String location = "\u0001" + site.url("/x").replace("http://", "http://bob:pw1@") + "\u0001";
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      assertThat(fetcher().fetch(site.url("/start")).finalUrl()).isEqualTo(site.url("/x"));
      assertThat(site.requests().get(1)).startsWith("GET /x HTTP/1.1\r\n");

      site.enqueue("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      FetchResult handedBack = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(site.url("/a"));
      assertThat(Redirects.target(handedBack.url(), handedBack)).as("as the crawl follows it").isEqualTo(site.url("/x"));
    }
  }

  @Test
  void aLocationLeadingToAUrlLongerThan64KibOnceEncodedIsAnUnusableRedirect() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String location = "/page/" + "\u00e9".repeat(30_000);
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      assertThatThrownBy(() -> fetcher().fetch(site.url("/start")))
          .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
          .hasMessage("redirect to an unusable location (longer than 65536 characters)");
      assertThat(site.requests()).hasSize(1);
    }
  }

  /** The server's side of {@code held}, and a client side trusting {@code anchor} only. */
  private void serveTls(HeldCertificate held, HeldCertificate... chain) {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(held, java.util.Arrays.stream(chain)
        .map(HeldCertificate::certificate).toArray(java.security.cert.X509Certificate[]::new)).build().sslSocketFactory());
  }

  private PooledFetcher trusting(HeldCertificate anchor) {
    if (opened != null) opened.close();
    opened = openTrusting(settings(Duration.ofSeconds(5), 1 << 20, 5),
        new HandshakeCertificates.Builder().addTrustedCertificate(anchor.certificate()).build());
    return opened;
  }

  private String host() {
    return server.url("/").host();
  }

  @Test
  void aCertificateTrustedForItsHostIsAccepted() throws Exception {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    serveTls(held);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("secret").build());
    assertThat(new String(trusting(held).fetch(url("/s")).body(), StandardCharsets.UTF_8)).isEqualTo("secret");
  }

  @Test
  void aSelfSignedCertificateIsNotTrustedSaidInPlainWords() {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    HeldCertificate other = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(other).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate not trusted (self-signed or unknown issuer)");
  }

  @Test
  void aCertificateForAnotherHostIsRefusedNamingTheHost() {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName("example.org").build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(held).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate does not match host " + host());
  }

  @Test
  void aCertificateNamingTheHostOnlyInItsCommonNameIsRefused() {
    HeldCertificate held = new HeldCertificate.Builder().commonName(host()).build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(held).fetch(url("/s")));
    assertThat(e).as("refused as browsers refuse it").isNotNull();
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).startsWith("certificate does not match host " + host()).doesNotContain("\n");
  }

  @Test
  void anExpiredCertificateIsSaidToBe() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder().addSubjectAlternativeName(host()).signedBy(root)
        .validityInterval(now - TimeUnit.DAYS.toMillis(30), now - TimeUnit.DAYS.toMillis(1)).build();
    serveTls(expired, root);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(root).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate expired");
  }

  @Test
  void unresolvableHostIsADnsError() {
    opened = openWithoutDns(settings(Duration.ofSeconds(5), 1 << 20, 5));
    FetchException e = catchThrowableOfType(FetchException.class, () -> opened.fetch("http://nowhere.invalid/"));
    assertThat(e.type()).isEqualTo(ErrorType.DNS);
    assertThat(e.getMessage()).contains("nowhere.invalid");
  }
}
