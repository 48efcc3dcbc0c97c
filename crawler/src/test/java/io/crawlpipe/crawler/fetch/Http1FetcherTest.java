package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FetcherContract} on crawlpipe's own HTTP/1.1 client, and what only that client does. */
class Http1FetcherTest extends FetcherContract {
  private RawHttpServer raw;
  private Http1Fetcher own;

  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }

  /** A fetcher that must not set up TLS, over {@code resolver}. */
  static Http1Fetcher withoutTls(FetchSettings settings, Http1Connector.Resolver resolver) {
    return new Http1Fetcher(settings, 4, CLOCK, () -> {
      throw new AssertionError("no TLS here");
    }, resolver);
  }

  @AfterEach
  void closeOwn() throws Exception {
    if (own != null) own.close();
    if (raw != null) raw.close();
  }

  private Http1Fetcher own() {
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK);
    return own;
  }

  private RawHttpServer raw() throws Exception {
    raw = new RawHttpServer();
    return raw;
  }

  /** A self-signed certificate for {@code host}: the server's side, and a client side that trusts only it. */
  private record Tls(HandshakeCertificates server, HandshakeCertificates client) {
    static Tls forHost(String host) {
      HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
      return new Tls(new HandshakeCertificates.Builder().heldCertificate(held).build(),
          new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build());
    }
  }

  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  @Test
  void theSendIsReportedOnceTheRequestIsWrittenNotBefore() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      List<Integer> requestsAtReport = new ArrayList<>();
      FetchResult result = own().fetch(site.url("/a"), () -> {
        // Written before the report: the server reads it while the fetching thread waits here. (OkHttp
        // reports once its headers are in its buffer, just before it flushes them: no event follows the flush.)
        Conditions.await(() -> !site.requests().isEmpty());
        requestsAtReport.add(site.requests().size());
      });
      assertThat(result.status()).isEqualTo(200);
      assertThat(requestsAtReport).containsExactly(1);
    }
  }

  @Test
  void sendsHostPathAndQueryButNotTheFragment() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    fetcher().fetch(url("/a/b?x=1&y=%20#frag"));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getTarget()).isEqualTo("/a/b?x=1&y=%20");
    assertThat(request.getHeaders().get("Host")).isEqualTo(server.url("/").host() + ":" + server.getPort());
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void connectsDirectlyWhateverTheJvmsProxySelectorSays() throws Exception {
    server.enqueue(new MockResponse.Builder().body("direct").build());
    ProxySelector previous = ProxySelector.getDefault();
    AtomicInteger asked = new AtomicInteger();
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0)) {
      closedPort = unused.getLocalPort();
    }
    Proxy socks = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", closedPort));
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.incrementAndGet();
        return List.of(socks);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    });
    try {
      assertThat(text(fetcher().fetch(url("/")))).isEqualTo("direct");
    } finally {
      ProxySelector.setDefault(previous);
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void reusesOneConnectionForRequestsToTheSameOrigin() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().body("page " + i).build());
    Fetcher fetcher = fetcher();
    for (int i = 0; i < 3; i++) assertThat(text(fetcher.fetch(url("/" + i)))).isEqualTo("page " + i);
    for (int i = 0; i < 3; i++) assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
  }

  @Test
  void aPooledConnectionTheServerClosedIsReplacedAndTheFetchSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().body("first").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    Fetcher fetcher = fetcher();
    assertThat(text(fetcher.fetch(url("/1")))).isEqualTo("first");
    assertThat(text(fetcher.fetch(url("/2")))).isEqualTo("second");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isEqualTo(1);
  }

  @Test
  void chunkedBodyWithExtensionsAndTrailersIsJoinedAndTheConnectionReused() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
        + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("hello, world");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("next");
    assertThat(site.connectionCount()).isEqualTo(1);
  }

  @Test
  void bodyWithoutLengthEndsWhenTheServerCloses() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("until the end");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("ok");
    assertThat(site.connectionCount()).isEqualTo(2);
  }

  @Test
  void interimResponsesAndFoldedHeadersAreReadPast() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nETag: \"v1\"\r\nContent-Length: 2\r\n\r\nhi");
    FetchResult result = own().fetch(site.url("/"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(result.headers()).containsEntry("etag", "\"v1\"");
    assertThat(text(result)).isEqualTo("hi");
  }

  @Test
  void foldedHeaderLinesAreReadInLinearTime() throws Exception {
    int folds = (Http1Connection.MAX_HEAD_BYTES - 200) / 3;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: a\r\n" + " b\n".repeat(folds)
        + "Content-Length: 2\r\n\r\nok");
    own();
    FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> own.fetch(site.url("/"))); // ~0.1 s cold; was seconds
    assertThat(text(result)).isEqualTo("ok");
    // Read whole to the head's end, then left out of the result: longer than FetchResult keeps.
    assertThat("a" + " b".repeat(folds)).hasSizeGreaterThan(FetchResult.MAX_HEADER_CHARS);
    assertThat(result.headers()).doesNotContainKey("etag").containsKey("content-length");
  }

  @Test
  void aHeaderRepeatedTensOfThousandsOfTimesIsJoinedInLinearTime() throws Exception {
    int repeats = (Http1Connection.MAX_HEAD_BYTES - 200) / 12;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + "connection:\n".repeat(repeats)
        + "Connection: close\r\nContent-Length: 2\r\n\r\nok");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
    own();
    FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> own.fetch(site.url("/a"))); // ~0.1 s cold; was 0.4-2.6 s
    assertThat(text(result)).isEqualTo("ok");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("next");
    assertThat(site.connectionCount()).as("the joined Connection still says close").isEqualTo(2);
  }

  /** A gzip member's header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
  private static final String GZIP_HEADER = "\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u00ff";
  /** A deflate block that is not the last, stored, of length 0: decodes to nothing. */
  private static final String EMPTY_STORED_BLOCK = "\u0000\u0000\u0000\u00ff\u00ff";

  @Test
  void gzipThatDecodesToNothingIsTooLargeOnceItsCompressedBytesPassTheLimit() throws Exception {
    long max = 16 * 1024;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + GZIP_HEADER
        + EMPTY_STORED_BLOCK.repeat((int) (2 * max / 5))); // then the server stalls, as if it went on for ever
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), max, 5), 4, CLOCK);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    long limit = Http1BodyReader.compressedLimit(max);
    assertThat(e).hasMessage("gzip body is more than " + limit + " compressed bytes; at most " + limit + " are read for --max-bytes " + max);
  }

  @Test
  void gzipDeclaredLongerThanItsCompressedLimitIsTooLargeWithoutReadingIt() throws Exception {
    long max = 1000;
    long declared = Http1BodyReader.compressedLimit(max) + 1;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + declared
        + "\r\n\r\n" + GZIP_HEADER); // the rest never comes
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), max, 5), 4, CLOCK);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    assertThat(e).hasMessage("gzip body is declared " + declared + " compressed bytes; at most " + (declared - 1)
        + " are read for --max-bytes 1000");
  }

  @Test
  void anEmptyGzipBodyIsAnEmptyBody() throws Exception {
    // As curl and browsers read it; OkHttp fails on the chunked one with a bare EOFException.
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n");
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n");
    own();
    for (String path : List.of("/chunked", "/length", "/until-close")) {
      FetchResult result = own.fetch(site.url(path));
      assertThat(result.status()).as(path).isEqualTo(200);
      assertThat(result.body()).as(path).isEmpty();
    }
    assertThat(site.connectionCount()).as("the chunked one's connection reused").isEqualTo(1);
  }

  @Test
  void aGzipBodyCutShortInItsHeaderOrTrailerIsAnIoErrorSayingSo() throws Exception {
    java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(gzipped)) {
      gz.write("<p>hello</p>".getBytes(UTF_8));
    }
    String whole = gzipped.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    RawHttpServer site = raw();
    own();
    for (String cut : List.of(whole.substring(0, 4), whole.substring(0, whole.length() - 4))) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + cut.length()
          + "\r\n\r\n" + cut);
      FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage(cut.length() == 4 ? "gzip body ends inside its header" : "gzip body ends inside its trailer");
    }
  }

  @Test
  void aChunkSizeOfMoreThanFifteenDigitsAfterItsLeadingZerosIsRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0001000000000000000\r\nx\r\n0\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e).hasMessage("invalid chunk size: 0001000000000000000");
  }

  @Test
  void malformedStatusLineIsAnIoErrorNamingIt() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("ICY 200 OK\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("unexpected status line: ICY 200 OK");
    assertThat(e.url()).isEqualTo(site.url("/"));
  }

  @Test
  void bodyShorterThanItsContentLengthIsAnIoError() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("5 bytes of the body unread");
  }

  @Test
  void conflictingContentLengthsAreRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("invalid Content-Length");
  }

  @Test
  void malformedFramingHeadersAreIoErrorsNotCrashes() throws Exception {
    RawHttpServer site = raw();
    for (String header : List.of("Content-Length: ,", "Content-Length: +5", "Transfer-Encoding: ,", "Transfer-Encoding: chunked")) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\n" + header + "\r\n\r\nhello\r\n");
      FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
      assertThat(e.type()).as(header).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).as(header).startsWith("invalid ");
      own.close();
    }
  }

  @Test
  void redirectWithABodyThatEndsOnlyWithTheConnectionIsFollowedAtOnce() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\nmoved, and the server keeps the connection open");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/a"));
    assertThat(text(result)).isEqualTo("ok");
    assertThat(result.finalUrl()).isEqualTo(site.url("/b"));
  }

  @Test
  void aSmallRedirectBodyThatCameWithItsHeadLeavesTheConnectionReused() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\nContent-Length: 5\r\n\r\nmoved");
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /c\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nmoved\r\n3\r\n to\r\n0\r\nX-Trailer: t\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/a"));
    assertThat(text(result)).isEqualTo("ok");
    assertThat(result.finalUrl()).isEqualTo(site.url("/c"));
    assertThat(site.connectionCount()).isEqualTo(1);
  }

  @Test
  void redirectWhoseChunkedBodyStallsIsFollowedAtOnceOnANewConnection() throws Exception {
    for (String stalled : List.of("5\r\nhel", "5\r\nhello", "5\r\nhello\r\n", "5\r\nhello\r\n0", "5\r\nhello\r\n0\r\nX-T: t\r\n")) {
      RawHttpServer site = raw();
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\nTransfer-Encoding: chunked\r\n\r\n" + stalled);
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = own().fetch(site.url("/a"));
      assertThat(text(result)).as(stalled).isEqualTo("ok");
      assertThat(site.connectionCount()).as(stalled).isEqualTo(2);
      own.close();
      site.close();
    }
  }

  @Test
  void redirectWhoseBodyBreaksItsFramingIsFollowedOnANewConnection() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("ok");
    assertThat(site.connectionCount()).isEqualTo(2);
  }

  @Test
  void aRedirectToALocationThatIsNotUtf8IsReadAsLatin1() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /ok/café\r\nContent-Length: 0\r\n\r\n"); // é as the one byte E9
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/start"));
    assertThat(result.finalUrl()).isEqualTo(site.url("/ok/caf%C3%A9"));
  }

  @Test
  void onlyALocationWhoseBytesAreValidUtf8IsReadAsUtf8() {
    assertThat(ResponseHead.utf8IfValid("/ok/caf\u00c3\u00a9")).isEqualTo("/ok/café"); // C3 A9
    assertThat(ResponseHead.utf8IfValid("/ok/caf\u00e9")).isEqualTo("/ok/café"); // E9 alone: Latin-1
    assertThat(ResponseHead.utf8IfValid("/ok/\u00c0\u00af")).isEqualTo("/ok/\u00c0\u00af"); // overlong '/'
    assertThat(ResponseHead.utf8IfValid("/ok/\u00ed\u00a0\u0080")).isEqualTo("/ok/\u00ed\u00a0\u0080"); // a surrogate
    assertThat(ResponseHead.utf8IfValid("/plain")).isEqualTo("/plain");
  }

  @Test
  void aTlsBodyReadAfterTheConnectionWasClosedFailsInsteadOfEnding() throws Exception {
    Tls tls = Tls.forHost("127.0.0.1");
    HandshakeCertificates serverCerts = tls.server();
    HandshakeCertificates trusting = tls.client();
    raw = new RawHttpServer(serverCerts.sslContext().getServerSocketFactory());
    raw.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst part");
    Http1Pool pool = new Http1Pool(1, Duration.ofMinutes(1), trusting::sslSocketFactory,
        Http1Connector.Resolver.SYSTEM, ProxyRoutes.DIRECT, true);
    try (Http1Alarm alarm = pool.alarm(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), new FetchProgress(Duration.ofSeconds(10)))) {
      Http1Connection connection = pool.connect(Origin.of(okhttp3.HttpUrl.get(raw.url("/"))), alarm);
      connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(UTF_8));
      java.io.InputStream body = connection.body(connection.readHead());
      byte[] buffer = new byte[64];
      assertThat(new String(buffer, 0, body.read(buffer), UTF_8)).isEqualTo("first part");
      connection.close(); // as the deadline's alarm or a cancel does, between two reads
      assertThat(catchThrowableOfType(IOException.class, () -> body.read(buffer)))
          .as("the body does not just end").isNotNull();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aConnectionOnWhichBytesArrivedWhileIdleIsNotTakenFromThePool() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    Http1Pool pool = new Http1Pool(2, Duration.ofMinutes(1), () -> {
      throw new AssertionError("no TLS here");
    }, Http1Connector.Resolver.SYSTEM, ProxyRoutes.DIRECT, true);
    Origin origin = Origin.of(okhttp3.HttpUrl.get(site.url("/")));
    try (Http1Alarm alarm = pool.alarm(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), new FetchProgress(Duration.ofSeconds(10)))) {
      Http1Connection quiet = exchangeAndRelease(pool, origin, alarm);
      assertThat(pool.take(origin)).as("nothing arrived: reused").isSameAs(quiet);
      pool.release(quiet);
      Http1Connection timedOut = exchangeAndRelease(pool, origin, alarm);
      assertThat(timedOut).isSameAs(quiet);
      site.sendUnaskedThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      Conditions.await(timedOut::hasUnaskedInput);
      assertThat(pool.take(origin)).isNull();
      assertThat(timedOut.isClosed()).isTrue();
    } finally {
      pool.shutdown();
    }
  }

  /** Takes a connection from the pool (a new one if none), reads one response on it and puts it back. */
  private static Http1Connection exchangeAndRelease(Http1Pool pool, Origin origin, Http1Alarm alarm) throws IOException {
    Http1Connection connection = pool.take(origin);
    if (connection == null) connection = pool.connect(origin, alarm);
    alarm.guard(connection);
    connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(UTF_8));
    assertThat(Http1BodyReader.read("u", connection, connection.readHead(), 100,
        new FetchProgress(Duration.ofSeconds(10)))).asString(UTF_8).isEqualTo("ok");
    alarm.unguard();
    pool.release(connection);
    return connection;
  }


  @Test
  void a408OnANewConnectionIsTheAnswer() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nslow");
    FetchResult result = own().fetch(site.url("/"));
    assertThat(result.status()).isEqualTo(408);
    assertThat(text(result)).isEqualTo("slow");
    assertThat(site.requests()).hasSize(1);
  }

  @Test
  void responseHeadOverTheLimitIsRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(Http1Connection.MAX_HEAD_BYTES) + "\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("response head is longer than");
  }

  @Test
  void cancelAllEndsFetchesInFlightOnNewAndPooledConnectionsAtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().body("pooled").build());
    server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("late").build());
    server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("late").build());
    Http1Fetcher fetcher = own();
    assertThat(text(fetcher.fetch(url("/first")))).isEqualTo("pooled");
    List<CompletableFuture<FetchResult>> inFlight = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String path : List.of("/slow/1", "/slow/2")) {
        inFlight.add(CompletableFuture.supplyAsync(() -> {
          try {
            return fetcher.fetch(url(path));
          } catch (FetchException e) {
            throw new CompletionException(e);
          }
        }, threads));
      }
      for (int i = 0; i < 3; i++) assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
      fetcher.cancelAll();
      for (CompletableFuture<FetchResult> fetch : inFlight) assertThat(fetch).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class);
    }
    assertThat(server.getRequestCount()).as("no request sent again after the cancel").isEqualTo(3);
  }

  @Test
  void aNameLookupThatHangsEndsAtTheDeadline() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    own = withoutTls(settings(Duration.ofMillis(300), 1 << 20, 5), host -> {
      awaitQuietly(release);
      throw new UnknownHostException(host);
    });
    try {
      FetchException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> catchThrowableOfType(FetchException.class, () -> own.fetch("http://slow-dns.test/")));
      assertThat(failure.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(failure).hasMessageContaining("name lookup of slow-dns.test");
    } finally {
      release.countDown();
    }
  }

  @Test
  void cancelAllEndsAHangingNameLookup() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    own = withoutTls(settings(Duration.ofSeconds(30), 1 << 20, 5), host -> {
      entered.countDown();
      awaitQuietly(release);
      throw new UnknownHostException(host);
    });
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      CompletableFuture<FetchResult> fetch = CompletableFuture.supplyAsync(() -> {
        try {
          return own.fetch("http://slow-dns.test/");
        } catch (FetchException e) {
          throw new CompletionException(e);
        }
      }, threads);
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      own.cancelAll();
      assertThat(fetch).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class);
    } finally {
      release.countDown();
      threads.close();
    }
  }

  @Test
  void anIpAddressIsResolvedOnTheFetchingThreadAndANameOnAnother() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nip");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nname");
    List<Thread> resolvedOn = new CopyOnWriteArrayList<>();
    own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5), host -> {
      resolvedOn.add(Thread.currentThread());
      return Http1Connector.Resolver.SYSTEM.resolve(host.equals("site.test") ? "127.0.0.1" : host);
    });
    assertThat(text(own.fetch(site.url("/")))).isEqualTo("ip");
    assertThat(text(own.fetch(site.url("/").replace("127.0.0.1", "site.test")))).isEqualTo("name");
    assertThat(resolvedOn).hasSize(2);
    assertThat(resolvedOn.get(0)).isSameAs(Thread.currentThread());
    assertThat(resolvedOn.get(1)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void tellsIpAddressesFromHostNames() {
    assertThat(NameLookup.isIpAddress("127.0.0.1")).isTrue();
    assertThat(NameLookup.isIpAddress("::1")).isTrue();
    assertThat(NameLookup.isIpAddress("example.com")).isFalse();
    assertThat(NameLookup.isIpAddress("1.example")).isFalse();
    assertThat(NameLookup.isIpAddress("255.255.255.0")).isTrue();
    assertThat(NameLookup.isIpAddress("0.0.0.0")).isTrue();
    assertThat(NameLookup.isIpAddress("10.200.30.4")).isTrue();
    for (String name : List.of("999.1.1.1", "1.2.3.4.5", "256.0.0.1", "1.2.3", "1..2.3", "1234", "", ".", "1.2.3.4.",
        ".1.2.3.4", "1.2.3.0004", "1.2.3.a", "1.2.3.-4", "a.b.c.d")) {
      assertThat(NameLookup.isIpAddress(name)).as(name + " is looked up as a name by the JDK").isFalse();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void fetchesOverTlsCheckingTheCertificateAgainstTheHost() throws Exception {
    Tls tls = Tls.forHost(server.url("/").host());
    HandshakeCertificates serverCerts = tls.server();
    HandshakeCertificates trusting = tls.client();
    server.useHttps(serverCerts.sslSocketFactory());
    server.enqueue(new MockResponse.Builder().body("secret").build());
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, trusting::sslSocketFactory,
        Http1Connector.Resolver.SYSTEM);
    FetchResult result = own.fetch(url("/s"));
    assertThat(result.finalUrl()).isEqualTo(url("/s")).startsWith("https://");
    assertThat(text(result)).isEqualTo("secret");
  }

  @Test
  void tunnelsHttpsThroughTheProxyAndChecksTheOriginsCertificate() throws Exception {
    String host = server.url("/").host();
    Tls tls = Tls.forHost(host);
    server.useHttps(tls.server().sslSocketFactory());
    server.enqueue(new MockResponse.Builder().body("secret").build());
    server.enqueue(new MockResponse.Builder().body("again").build());
    try (TestProxy proxy = new TestProxy()) {
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK,
          tls.client()::sslSocketFactory, name -> {
            if (!name.equals("127.0.0.1")) throw new UnknownHostException("looked up " + name + ", not the proxy's job");
            return Http1Connector.Resolver.SYSTEM.resolve(name);
          });
      assertThat(text(own.fetch(url("/s")))).isEqualTo("secret");
      assertThat(text(own.fetch(url("/t")))).isEqualTo("again");
      assertThat(proxy.heads()).as("one tunnel, reused").hasSize(1);
      assertThat(proxy.heads().get(0)).startsWith("CONNECT " + host + ":" + server.getPort() + " HTTP/1.1\r\n");
    }
  }

  @Test
  void aTunnelTheProxyRefusesIsAConnectErrorNamingTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(403);
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK);
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(failure).hasMessageContaining("proxy " + proxy.url()).hasMessageContaining("answered 403 to CONNECT site.test:443");
    }
  }

  @Test
  void aRefusedTunnelIsNotAskedForAgainOnTheProxysOtherAddresses() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(407);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())),
          name -> new InetAddress[] {loopback, loopback});
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aProxyThatRefusesTheConnectionIsNamedInTheError() throws Exception {
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = unused.getLocalPort();
    }
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5)
        .withProxy(HttpProxy.parse("http://user:pass@127.0.0.1:" + closedPort)), 4, CLOCK);
    FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("http://site.test/x"));
    assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(failure).hasMessageStartingWith("proxy http://127.0.0.1:" + closedPort + ": ")
        .message().doesNotContain("user").doesNotContain("pass");
  }

  @Test
  void aProxyWhoseNameCannotBeLookedUpIsNamedInTheError() {
    own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5)
        .withProxy(HttpProxy.parse("http://user:pass@proxy.invalid:3128")), name -> {
          throw new UnknownHostException(name + ": Name or service not known");
        });
    for (String url : new String[] {"http://site.test/x", "https://site.test/x"}) {
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch(url));
      assertThat(failure.type()).as(url).isEqualTo(ErrorType.DNS);
      assertThat(failure).as(url).hasMessage("proxy http://proxy.invalid:3128: proxy.invalid: Name or service not known");
    }
  }

  @Test
  void aProxyThatSendsDataAfterAgreeingToATunnelIsRefused() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.sendAfterTunnel("HTTP/1.1 200 OK\r\n\r\n");
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK);
      server.enqueue(new MockResponse.Builder().body("never").build());
      FetchException failure = catchThrowableOfType(FetchException.class,
          () -> own.fetch("https://127.0.0.1:" + server.getPort() + "/"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(failure).hasMessageContaining("sent data after agreeing to CONNECT 127.0.0.1:" + server.getPort());
    }
  }

  @Test
  void httpUrlsNeverSetUpTls() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, () -> {
      asked.incrementAndGet();
      throw new IllegalStateException("TLS asked for");
    }, Http1Connector.Resolver.SYSTEM);
    server.enqueue(new MockResponse.Builder().body("plain").build());
    assertThat(text(own.fetch(url("/")))).isEqualTo("plain");
    assertThat(asked).hasValue(0);
  }

  @Test
  void certificateForAnotherHostIsATlsError() throws Exception {
    Tls tls = Tls.forHost("example.org");
    HandshakeCertificates serverCerts = tls.server();
    HandshakeCertificates trusting = tls.client();
    server.useHttps(serverCerts.sslSocketFactory());
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, trusting::sslSocketFactory,
        Http1Connector.Resolver.SYSTEM);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
  }
}
