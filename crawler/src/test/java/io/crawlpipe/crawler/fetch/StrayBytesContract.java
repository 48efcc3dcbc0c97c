package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with bytes a server sent that no request asked for: past its
 * response's framing, after a {@code 304}, on an idle connection, or after a {@code 101}. They are
 * never the next request's response, and a connection that had them carries no other request.
 * Part of {@link FetcherContract} through {@link FramingContract}. Each test talks to a {@link
 * RawHttpServer}, which sends bytes as given.
 */
@Timeout(30)
abstract class StrayBytesContract extends GzipBodyContract {
  private static final String OK_SECOND = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond";
  private static final String SMUGGLED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nSMUGGLED";

  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  @Test
  void bytesAServerSentPastItsResponseAreNeverTheNextRequestsResponse() throws Exception {
    List<String> firsts = List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst, and then some more",
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst" + SMUGGLED,
        "HTTP/1.1 204 No Content\r\n\r\n" + SMUGGLED);
    for (String first : firsts) {
      try (RawHttpServer site = new RawHttpServer()) {
        site.enqueue(first);
        site.enqueue(OK_SECOND);
        Fetcher fetcher = fetcher();
        FetchResult one = fetcher.fetch(site.url("/1"));
        assertThat(text(one)).as(first).isIn("first", "");
        FetchResult two = fetcher.fetch(site.url("/2"));
        assertThat(two.status()).as(first).isEqualTo(200);
        assertThat(text(two)).as(first).isEqualTo("second");
      }
    }
  }

  @Test
  void aPoolOfConnectionsThatEachGotMoreThanTheirResponseDoesNotFailTheNextRequest() throws Exception {
    int parallel = 6;  // more than a request's resends
    ExecutorService threads = Executors.newFixedThreadPool(parallel);
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      List<Future<FetchResult>> firsts = new java.util.ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        String url = site.url("/first/" + i);
        firsts.add(threads.submit(() -> fetcher.fetch(url)));
      }
      Conditions.await(() -> site.requests().size() == parallel);  // each on a connection of its own
      for (int i = 0; i < parallel; i++) {
        site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst" + SMUGGLED);
      }
      for (Future<FetchResult> first : firsts) assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("first");
      site.enqueue(OK_SECOND);
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aResponseSentUnaskedOnAnIdleConnectionIsNotTheNextRequests() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst");
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      assertThat(text(fetcher.fetch(site.url("/1")))).isEqualTo("first");
      site.sendUnasked(SMUGGLED); // on loopback, in the client's socket once written
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    }
  }

  @Test
  void aBodyAfterA304IsNotItsBodyNorTheNextResponse() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 304 Not Modified\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nSMUGGLED");
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      FetchResult notModified = fetcher.fetch(site.url("/1"));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    }
  }

  @Test
  void a101SwitchingProtocolsIsAnIoErrorAndItsConnectionCarriesNoOtherRequest() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 101 Switching Protocols\r\nUpgrade: foo\r\nConnection: upgrade\r\n\r\n"); // then quiet
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/1")));
      assertThat(e).isNotNull().hasMessage("unexpected 101 Switching Protocols");
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
      assertThat(site.connectionCount()).as("the switched connection was not reused").isEqualTo(2);
    }
  }
}
