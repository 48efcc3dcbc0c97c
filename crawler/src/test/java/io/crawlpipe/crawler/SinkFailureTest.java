package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A sink that fails ends the run at once, as a stop with no grace, and is not called again. */
@Timeout(60)
class SinkFailureTest {

  /** Throws {@code failure} from its {@code failFrom}-th write on; counts the writes made after the first failure. */
  static final class FailingSink implements ResultSink {
    private final int failFrom;
    private final Supplier<? extends RuntimeException> failure;
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger writesAfterFailure = new AtomicInteger();
    final AtomicLong failedAt = new AtomicLong();
    private volatile boolean failed;

    FailingSink(int failFrom, Supplier<? extends RuntimeException> failure) {
      this.failFrom = failFrom;
      this.failure = failure;
    }

    @Override
    public void write(CrawlResult result) {
      if (failed) writesAfterFailure.incrementAndGet();
      if (writes.incrementAndGet() < failFrom) return;
      if (!failed) failedAt.set(System.nanoTime());
      failed = true;
      throw failure.get();
    }
  }

  private static List<String> pages(TestSite site, int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) urls.add(site.url("/page/" + i));
    return urls;
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"THREADS", "VIRTUAL"})
  void aSinkThatFailsStopsTheCrawlAtOnceAndIsNeverCalledAgain(Mode mode) throws IOException {
    FailingSink sink = new FailingSink(3, () -> new StoreException("disk full", new IOException("ENOSPC")));
    try (TestSite site = new TestSite()) {
      CrawlConfig config = CrawlConfig.builder().mode(mode).concurrency(4).build();

      assertThatThrownBy(() -> new Crawler(config).crawl(pages(site, 400), sink))
          .isInstanceOf(StoreException.class).hasMessage("disk full");

      assertThat(Duration.ofNanos(System.nanoTime() - sink.failedAt.get())).as("from the failure to crawl() throwing")
          .isLessThan(Duration.ofSeconds(5));
      assertThat(sink.writesAfterFailure.get()).as("writes after the failing one").isZero();
      assertThat(sink.writes.get()).isEqualTo(3);
      // 2 stored, the failing one, what was running then (concurrency 4), and robots.txt: not the other ~390
      assertThat(site.requests()).as("requests that reached the server").isLessThan(30);
    }
  }

  @Test
  void aSinkFailureDuringAStopsGraceEndsTheGraceAtOnce() throws Exception {
    Map<String, CompletableFuture<FetchResult>> fetches = new ConcurrentHashMap<>();
    AsyncFetcher fetcher = url -> fetches.computeIfAbsent(url, u -> new CompletableFuture<>());
    FailingSink sink = new FailingSink(1, () -> new StoreException("disk full", new IOException("ENOSPC")));
    Pipeline pipeline = new Pipeline(fetcher, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    CrawlControl control = new CrawlControl(Duration.ofMinutes(5));
    CompletableFuture<CrawlSummary> run = CompletableFuture.supplyAsync(
        () -> pipeline.run(new UrlSource(new StringReader("http://h.test/1\nhttp://h.test/2")), control));
    Conditions.await(() -> fetches.size() == 2);

    control.requestStop("test");
    fetches.get("http://h.test/1").complete(PipelineTest.page("http://h.test/1", "x"));  // its line fails

    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).as("not the 5 minutes' grace for http://h.test/2")
        .hasCauseInstanceOf(StoreException.class);
    assertThat(sink.writes.get()).isEqualTo(1);
  }

  @Test
  void aSinksOwnRuntimeExceptionReachesTheCallerAsItIsNotAsAnIoFailure() {
    IllegalStateException bug = new IllegalStateException("the sink's own failure");
    FailingSink sink = new FailingSink(2, () -> bug);
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "x"), 4)) {
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);

      assertThatThrownBy(() -> pipeline.run(new UrlSource(new StringReader("http://h.test/1\nhttp://h.test/2"))))
          .isSameAs(bug);
    }
  }

  @Test
  void aSinksErrorReachesTheCallerAsItIs() {
    StackOverflowError error = new StackOverflowError("deep");
    FailingSink sink = new FailingSink(1, () -> {
      throw error;
    });
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "x"), 4)) {
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);

      assertThatThrownBy(() -> pipeline.run(new UrlSource(new StringReader("http://h.test/1")))).isSameAs(error);
    }
  }

}
