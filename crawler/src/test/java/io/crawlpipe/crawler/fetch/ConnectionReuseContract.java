package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with the connections it keeps, whichever client it runs on: each
 * host's idle connection found again, a pooled connection the server closed or timed out replaced
 * by a new one and the request sent once more at most, and a {@code 503} sent once (retries are
 * the retry policy's). Run against each client by its subclasses, as {@link FetcherContract} is.
 */
@Timeout(30)
abstract class ConnectionReuseContract extends FetcherFixture {
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
}
