package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A stop ends a crawl within its grace, over each real client, whatever its fetches are doing. */
@Timeout(60)
class CrawlerStopTest {

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void aStopWhileABodyStallsEndsTheCrawlWithinTheGraceNotTheTimeout(FetchClient client) throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    FaultServer.Route stall = (socket, out) -> {
      FaultServer.head(out, 200, "Content-Type: text/plain", "Content-Length: 1000");
      out.write("abcdefgh".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      bodyStarted.countDown();
      socket.getInputStream().read(); // the rest never comes; waits until the client hangs up
    };
    try (FaultServer server = new FaultServer(Map.of("/stall", stall))) {
      CrawlConfig config = CrawlConfig.builder().client(client).timeout(Duration.ofSeconds(50)).build();
      CrawlControl control = new CrawlControl(Duration.ofMillis(200));
      ListSink sink = new ListSink();
      CompletableFuture<CrawlSummary> crawl = CompletableFuture.supplyAsync(() -> new Crawler(config)
          .crawl(new UrlSource(new StringReader(server.url("/stall"))), sink, control));
      assertThat(bodyStarted.await(10, TimeUnit.SECONDS)).isTrue();
      long stoppedAt = System.nanoTime();
      control.requestStop("test");
      crawl.get(20, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).as("grace plus closing, not --timeout")
          .isLessThan(Duration.ofSeconds(10));
      CrawlResult result = sink.results.peek();
      assertThat(result.error().type()).isEqualTo(ErrorType.CANCELLED);
    }
  }
}
