package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and broken servers end with a clear error type on their own URL, within the deadline,
 * while the crawl carries on. Tagged {@code small-heap}: the build runs this class alone with
 * {@code -Xmx64m}, so reading an endless or inflating body into memory would fail it.
 */
@Tag("small-heap")
@Timeout(60)
class HostileServerTest {
  private static final long MAX_BYTES = 1 << 20;

  private static Map<String, FaultServer.Route> routes() {
    return Map.ofEntries(
        Map.entry("/ok", (s, out) -> FaultServer.respond(out, 200, "text/html", "<title>fine</title>")),
        Map.entry("/silent", (s, out) -> s.getInputStream().read()),  // reads until the client hangs up
        Map.entry("/dribble", HostileServerTest::dribble),
        Map.entry("/endless", (s, out) -> endless(out, out)),
        Map.entry("/bomb", HostileServerTest::gzipBomb),
        Map.entry("/loop", (s, out) -> FaultServer.head(out, 302, "Location: /loop", "Content-Length: 0")),
        Map.entry("/chain", (s, out) -> FaultServer.head(out, 302, "Location: /r1", "Content-Length: 0")),
        Map.entry("/r1", (s, out) -> FaultServer.head(out, 302, "Location: /r2", "Content-Length: 0")),
        Map.entry("/r2", (s, out) -> FaultServer.head(out, 302, "Location: /r3", "Content-Length: 0")),
        Map.entry("/r3", (s, out) -> FaultServer.head(out, 302, "Location: /ok", "Content-Length: 0")),
        Map.entry("/reset", HostileServerTest::resetMidBody),
        Map.entry("/image", (s, out) -> {
          FaultServer.head(out, 200, "Content-Type: image/png", "Content-Length: 1000000000");
          endless(out, out);
        }));
  }

  /** One byte every 100 ms: each read is quick, the whole body would take 17 minutes. */
  private static void dribble(Socket socket, OutputStream out) throws IOException, InterruptedException {
    FaultServer.head(out, 200, "Content-Type: text/html", "Content-Length: 10000");
    for (int i = 0; i < 10_000; i++) {
      out.write('x');
      out.flush();
      TimeUnit.MILLISECONDS.sleep(100);  // the server's slowness, not a test waiting
    }
  }

  /** A body without a length that never ends, until the client hangs up. */
  private static void endless(OutputStream out, OutputStream headTo) throws IOException {
    if (out == headTo) FaultServer.head(headTo, 200, "Content-Type: text/html");
    byte[] chunk = "<p>more</p>".repeat(6_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    while (true) out.write(chunk);
  }

  /** A gzip stream of zeros without end: a few KB on the wire inflate to megabytes. */
  private static void gzipBomb(Socket socket, OutputStream out) throws IOException {
    FaultServer.head(out, 200, "Content-Type: text/html", "Content-Encoding: gzip");
    GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
    byte[] zeros = new byte[64 * 1024];
    while (true) gzip.write(zeros);
  }

  /** Promises 100 kB, sends 1 kB, then resets the connection. */
  private static void resetMidBody(Socket socket, OutputStream out) throws IOException {
    FaultServer.head(out, 200, "Content-Type: text/html", "Content-Length: 100000");
    out.write(new byte[1000]);
    out.flush();
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Test
  void eachHostileServerEndsWithItsOwnErrorTypeAndTheCrawlCarriesOn() throws IOException {
    try (FaultServer server = new FaultServer(routes())) {
      List<String> paths = List.of("/ok", "/silent", "/dribble", "/endless", "/bomb", "/loop", "/chain", "/reset", "/image");
      CrawlConfig config = CrawlConfig.builder().timeout(Duration.ofSeconds(2)).maxBytes(MAX_BYTES).maxRedirects(2)
          .retry(new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(100)))
          .politeness(new PolitenessSettings(16, Duration.ZERO, true))
          .breaker(new BreakerSettings(0, Duration.ofSeconds(1)))
          .build();
      ListSink sink = new ListSink();
      new Crawler(config).crawl(paths.stream().map(server::url).toList(), sink);

      Map<String, CrawlResult> byPath = sink.results.stream()
          .collect(Collectors.toMap(r -> r.url().substring(r.url().lastIndexOf('/')), r -> r));
      assertThat(byPath).hasSize(paths.size());
      assertThat(byPath.get("/ok").ok()).isTrue();
      assertError(byPath.get("/silent"), ErrorType.TIMEOUT, 2);
      assertError(byPath.get("/dribble"), ErrorType.TIMEOUT, 2);
      assertError(byPath.get("/endless"), ErrorType.TOO_LARGE, 1);
      assertError(byPath.get("/bomb"), ErrorType.TOO_LARGE, 1);
      assertError(byPath.get("/loop"), ErrorType.TOO_MANY_REDIRECTS, 1);
      assertError(byPath.get("/chain"), ErrorType.TOO_MANY_REDIRECTS, 1);
      assertError(byPath.get("/reset"), ErrorType.IO, 2);
      assertThat(server.requests("/reset")).isEqualTo(2);
      CrawlResult image = byPath.get("/image");
      assertError(image, ErrorType.UNSUPPORTED_CONTENT, 1);
      assertThat(image.status()).isEqualTo(200);
      assertThat(image.contentType()).isEqualTo("image/png");
      assertThat(image.bytes()).isZero();
    }
  }

  private static void assertError(CrawlResult r, ErrorType type, int attempts) {
    assertThat(r.error()).as(r.url()).isNotNull();
    assertThat(r.error().type()).as(r.url() + ": " + r.error().message()).isEqualTo(type);
    assertThat(r.attempts()).as(r.url() + " attempts").isEqualTo(attempts);
  }
}
