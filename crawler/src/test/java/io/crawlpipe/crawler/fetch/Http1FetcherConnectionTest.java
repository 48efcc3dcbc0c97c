package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} handles its connections: the send reported once written, stale and closed connections, cancelling. */
class Http1FetcherConnectionTest extends Http1FetcherFixture {
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
}
