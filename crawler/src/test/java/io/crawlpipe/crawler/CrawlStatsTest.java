package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CrawlStatsTest {
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final CrawlStats stats = new CrawlStats(nanos::get);

  private static CrawlResult failure(String url, ErrorType type) {
    boolean neverFetched = type == ErrorType.CANCELLED || type == ErrorType.INVALID_URL;
    return CrawlResult.failure(url, Instant.EPOCH, 0, neverFetched ? 0 : 1, new ResultError(type, "x"));
  }

  private static CrawlResult page(String url, int status, long bytes, long ms) {
    return new CrawlResult(url, url, status, status / 100 == 2, "text/html", bytes, null, null, Instant.EPOCH, ms, 1,
        Map.of(), null);
  }

  @Test
  void cancelledAndInvalidUrlsAreFailuresButNotHostErrors() {
    stats.record(failure("http://stopped.test/a", ErrorType.CANCELLED));
    stats.record(failure("http://stopped.test/b", ErrorType.CANCELLED));
    stats.record(failure("http://bad.test/", ErrorType.INVALID_URL));
    stats.record(failure("http://down.test/a", ErrorType.CONNECT));
    stats.record(page("http://gone.test/x", 404, 3, 1));
    assertThat(stats.results()).isEqualTo(5);
    assertThat(stats.failed()).isEqualTo(5);
    assertThat(stats.cancelled()).isEqualTo(2);
    assertThat(stats.topErrorHosts(10)).containsExactly(new HostErrors("down.test", 1), new HostErrors("gone.test", 1));
  }

  @Test
  void errorHostsAreCountedPerPortAndNamedAsPeopleWriteThem() {
    stats.record(failure("http://127.0.0.9:8997/a", ErrorType.CONNECT));
    stats.record(failure("http://127.0.0.9:8997/b", ErrorType.CONNECT));
    stats.record(failure("http://127.0.0.9:8998/a", ErrorType.CONNECT));
    stats.record(failure("https://secure.test:443/a", ErrorType.TIMEOUT));
    stats.record(failure("http://[::1]:8080/a", ErrorType.CONNECT));
    assertThat(stats.topErrorHosts(10)).containsExactly(new HostErrors("127.0.0.9:8997", 2),
        new HostErrors("127.0.0.9:8998", 1), new HostErrors("[::1]:8080", 1), new HostErrors("secure.test", 1));
  }

  @Test
  void oneHostWrittenSeveralWaysIsCountedOnceAsTheSchedulerKeysIt() {
    stats.record(failure("http://127.1:19999/a", ErrorType.CONNECT));
    stats.record(failure("http://127.0.0.1:19999/b", ErrorType.CONNECT));
    stats.record(failure("http://2130706433:19999/c", ErrorType.CONNECT));
    stats.record(failure("HTTP://Down.TEST:80/d", ErrorType.CONNECT));
    assertThat(stats.topErrorHosts(10)).containsExactly(new HostErrors("127.0.0.1:19999", 3), new HostErrors("down.test", 1));
  }

  @Test
  void theSummaryIsBuiltFromTheSameCountsAsTheReadings() {
    stats.start();
    stats.record(page("http://a.test/1", 200, 100, 10));
    stats.record(page("http://a.test/2", 200, 50, 30));
    stats.record(page("http://a.test/3", 404, 7, 20));
    stats.record(page("http://a.test/4", 503, 0, 40));
    stats.record(CrawlResult.failure("http://b.test/", Instant.EPOCH, 25, 1, new ResultError(ErrorType.TIMEOUT, "x")));
    stats.record(failure("not a url", ErrorType.INVALID_URL));
    nanos.addAndGet(3_000_000_000L);
    stats.finish();

    CrawlSummary summary = stats.summary(2);
    assertThat(summary.urls()).isEqualTo(stats.results()).isEqualTo(6);
    assertThat(summary.ok()).isEqualTo(stats.ok()).isEqualTo(2);
    assertThat(summary.failed()).isEqualTo(stats.failed()).isEqualTo(4);
    assertThat(summary.bytes()).isEqualTo(stats.bytes()).isEqualTo(157);
    assertThat(summary.duplicates()).isEqualTo(2);
    assertThat(summary.failures()).isEqualTo(stats.failures()).isEqualTo(
        Map.of("http_4xx", 1L, "http_5xx", 1L, "timeout", 1L, "invalid_url", 1L));
    assertThat(summary.elapsed()).isEqualTo(stats.elapsed()).isEqualTo(Duration.ofSeconds(3));
    assertThat(summary.pagesPerSecond()).isEqualTo(stats.pagesPerSecond()).isEqualTo(2.0);
    assertThat(stats.byStatusClass()).containsExactly(Map.entry("2xx", 2L), Map.entry("4xx", 1L),
        Map.entry("5xx", 1L), Map.entry("none", 2L));
    assertThat(stats.byErrorType()).containsExactly(Map.entry("invalid_url", 1L), Map.entry("timeout", 1L));
    // the invalid line was never fetched: its 0 ms is not a latency
    assertThat(stats.latencyPercentile(50)).isEqualTo(25);
    assertThat(stats.latencyPercentile(100)).isEqualTo(40);
  }

  @Test
  void theSpanIsZeroBeforeTheStartGrowsWhileRunningAndStaysFixedAfterTheEnd() {
    stats.record(page("http://a.test/1", 200, 1, 1));
    nanos.addAndGet(1_000_000_000L);
    assertThat(stats.elapsed()).isZero();
    assertThat(stats.pagesPerSecond()).isZero();
    stats.finish();
    assertThat(stats.elapsed()).as("an end before the start is ignored").isZero();

    stats.start();
    nanos.addAndGet(2_000_000_000L);
    assertThat(stats.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(stats.pagesPerSecond()).isEqualTo(0.5);
    stats.finish();
    nanos.addAndGet(60_000_000_000L);
    stats.finish();
    assertThat(stats.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(stats.summary(0).elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void oneCounterCountsOneCrawl() {
    stats.start();
    assertThatThrownBy(stats::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("counts one crawl");
  }

  @Test
  void aCrawlCountsIntoTheStatsItIsGivenAndReturnsTheirSummary() throws IOException {
    try (TestSite site = new TestSite()) {
      String list = String.join("\n", site.url("/page/1"), site.url("/page/2"), site.url("/page/2"),
          site.url("/missing"), "not a url");
      ListSink sink = new ListSink();
      CrawlStats given = new CrawlStats();
      CrawlSummary summary = new Crawler(CrawlConfig.builder().concurrency(4).build())
          .crawl(new UrlSource(new StringReader(list)), sink, CrawlControl.unstopped(), given);

      assertThat(sink.results).hasSize(4);
      assertThat(given.results()).isEqualTo(4);
      assertThat(summary).isEqualTo(given.summary(1));
      assertThat(summary.toLine()).startsWith("4 URLs, 2 ok, 2 failed (http_4xx 1, invalid_url 1), 1 duplicate line");
      assertThat(given.elapsed()).isPositive().isEqualTo(summary.elapsed());
      assertThatThrownBy(() -> new Crawler(CrawlConfig.builder().build())
          .crawl(new UrlSource(new StringReader(list)), sink, CrawlControl.unstopped(), given))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void latencyPercentilesAreExactBelowASecondAndWithinOnePercentAbove() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentile(50)).isZero();
    for (int ms = 1; ms <= 100; ms++) h.record(ms);
    assertThat(h.percentile(50)).isEqualTo(50);
    assertThat(h.percentile(95)).isEqualTo(95);
    assertThat(h.percentile(100)).isEqualTo(100);
    LatencyHistogram slow = new LatencyHistogram();
    slow.record(123_456);
    assertThat(slow.percentile(99)).isBetween(122_222L, 123_456L);
    slow.record(Long.MAX_VALUE);
    assertThat(slow.percentile(100)).isPositive();
  }

  @Test
  void topHostsKeepTheMostFailingHostsInBoundedMemory() {
    TopHosts hosts = new TopHosts(2);
    for (String h : List.of("a", "a", "a", "b", "c", "c", "c", "c")) hosts.add(h);
    // b (1) was evicted by c, which inherited b's count: counts may be high by the evicted minimum
    assertThat(hosts.top(10)).containsExactly(new HostErrors("c", 5), new HostErrors("a", 3));
    assertThat(hosts.top(1)).hasSize(1);
  }

  @Test
  void aNegativeCountOfTopErrorHostsIsRefusedNamingIt() {
    assertThatThrownBy(() -> stats.topErrorHosts(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topErrorHosts: n must be >= 0, was -1");
    assertThat(stats.topErrorHosts(0)).isEmpty();
  }
}
