package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does, whichever HTTP client it runs on: each subclass runs these
 * tests, and those of {@link FramingContract}, against its own fetcher, so the clients {@code
 * --client} chooses between behave alike. These are its statuses, headers and bodies; its
 * siblings, each run against both clients the same way, hold the rest: {@link ProxyContract},
 * {@link RedirectContract}, {@link ConnectionReuseContract}, {@link LimitContract} and {@link
 * FailureContract}.
 */
@Timeout(30)
abstract class FetcherContract extends FramingContract {
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
  void aContentTypeOfRawUtf8IsReadAsUtf8() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueUtf8("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251; name=\"café\"\r\n"
          + "Content-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/page"));
      assertThat(result.contentType()).isEqualTo("text/html; charset=windows-1251; name=\"café\"");
    }
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
  void aRobotsTxtBodyIsReadWhateverItsContentType() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
        .body("User-agent: *\nDisallow: /private\n").build());
    FetchResult result = fetcher().fetch(url("/robots.txt"));
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("User-agent: *\nDisallow: /private\n");
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
}
