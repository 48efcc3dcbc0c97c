package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The graceful stop: stop reading, let in-flight URLs finish within the grace, cancel the rest. */
@Timeout(60)
class PipelineStopTest {
  private static final int CONCURRENCY = 3;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch slowStarted = new CountDownLatch(CONCURRENCY);
  private final ExecutorService runner = Executors.newSingleThreadExecutor();
  private final ListSink sink = new ListSink();

  /** {@code /fast/N} answers at once; {@code /slow/N} waits for the gate. */
  private final Fetcher fetcher = url -> {
    if (url.contains("/slow/")) {
      slowStarted.countDown();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return PipelineTest.page(url, "<title>t</title>");
  };

  @AfterEach
  void openGate() {
    gate.countDown();
    runner.shutdownNow();
  }

  private static String list(int fast, int slow) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < fast; i++) s.append("http://h.test/fast/").append(i).append('\n');
    for (int i = 0; i < slow; i++) s.append("http://h.test/slow/").append(i).append('\n');
    return s.toString();
  }

  /** Starts a run of 5 fast then 20 slow URLs; returns once every slot holds a slow URL. */
  private Future<CrawlSummary> startRun(FetchMode mode, CrawlControl control) throws InterruptedException {
    UrlSource source = new UrlSource(new StringReader(list(5, 20)));
    Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), CONCURRENCY);
    Future<CrawlSummary> run = runner.submit(() -> pipeline.run(source, control));
    assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    return run;
  }

  private List<String> urls() {
    return sink.results.stream().map(CrawlResult::url).toList();
  }

  private long cancelled() {
    return sink.results.stream().filter(r -> r.error() != null && r.error().type() == ErrorType.CANCELLED).count();
  }

  @Test
  void stopCancelsUrlsStillInFlightWhenTheGraceEndsAndReadsNoFurther() throws Exception {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    try (FetchMode mode = Mode.VIRTUAL.open(fetcher, CONCURRENCY)) {
      Future<CrawlSummary> run = startRun(mode, control);
      assertThat(control.requestStop("SIGTERM")).isTrue();
      CrawlSummary summary = run.get(30, TimeUnit.SECONDS);
      gate.countDown(); // lets the mode close; the late results must not add lines
      // 5 fast lines, 3 slow ones in flight, and perhaps one the reader held waiting for a slot
      assertThat(urls()).doesNotHaveDuplicates().hasSizeBetween(5 + CONCURRENCY, 5 + CONCURRENCY + 1);
      assertThat(urls()).containsAll(List.of("http://h.test/slow/0", "http://h.test/slow/1", "http://h.test/slow/2"));
      assertThat(cancelled()).isEqualTo(urls().size() - 5);
      assertThat(summary.failures()).containsEntry("cancelled", cancelled());
      CrawlResult line = sink.results.stream().filter(r -> !r.ok()).findFirst().orElseThrow();
      assertThat(line.error().message()).contains("SIGTERM");
      assertThat(line.attempts()).isZero();
    }
  }

  @Test
  void lateResultsOfCancelledUrlsAreNotWritten() throws Exception {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    try (FetchMode mode = Mode.THREADS.open(fetcher, CONCURRENCY)) {
      Future<CrawlSummary> run = startRun(mode, control);
      control.requestStop("SIGINT");
      run.get(30, TimeUnit.SECONDS);
      gate.countDown();
    } // closing the mode waits for the fetches that were let go
    assertThat(urls()).doesNotHaveDuplicates().hasSizeBetween(5 + CONCURRENCY, 5 + CONCURRENCY + 1);
    assertThat(cancelled()).isEqualTo(urls().size() - 5);
  }

  @Test
  void urlsFinishingWithinTheGraceAreStoredWithTheirOwnResult() throws Exception {
    CrawlControl control = new CrawlControl(Duration.ofSeconds(30));
    try (FetchMode mode = Mode.VIRTUAL.open(fetcher, CONCURRENCY)) {
      Future<CrawlSummary> run = startRun(mode, control);
      control.requestStop("SIGTERM");
      gate.countDown();
      run.get(30, TimeUnit.SECONDS);
    }
    // the slow URLs in flight finish normally; only one read but never started may be cancelled
    assertThat(urls()).doesNotHaveDuplicates().hasSizeBetween(5 + CONCURRENCY, 5 + CONCURRENCY + 1);
    assertThat(sink.results.stream().filter(CrawlResult::ok).count()).isEqualTo(5 + CONCURRENCY);
    assertThat(cancelled()).isEqualTo(urls().size() - 5 - CONCURRENCY);
  }

  @Test
  void aCallersStopListenerThatThrowsDoesNotKeepTheRunFromStopping() throws Exception {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    RuntimeException boom = new RuntimeException("listener boom");
    control.onStop(() -> {
      throw boom;
    });
    try (FetchMode mode = Mode.VIRTUAL.open(fetcher, CONCURRENCY)) {
      Future<CrawlSummary> run = startRun(mode, control);
      assertThatThrownBy(() -> control.requestStop("SIGTERM")).isSameAs(boom);
      run.get(10, TimeUnit.SECONDS); // not the slow URLs' 30 s each
      gate.countDown();
    }
    assertThat(urls()).doesNotHaveDuplicates().hasSizeBetween(5 + CONCURRENCY, 5 + CONCURRENCY + 1);
    assertThat(cancelled()).isEqualTo(urls().size() - 5);
  }

  @Test
  void aStopBeforeTheRunStartsReadsNothing() {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    control.requestStop("--max-time");
    assertThat(control.requestStop("SIGTERM")).isFalse();
    assertThat(control.stopReason()).isEqualTo("--max-time");
    UrlSource source = new UrlSource(new StringReader(list(5, 0)));
    try (FetchMode mode = Mode.VIRTUAL.open(fetcher, CONCURRENCY)) {
      new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), CONCURRENCY).run(source, control);
    }
    assertThat(sink.results).isEmpty();
    assertThat(source.distinct()).isZero();
  }

  @Test
  void aStopTellsTheFetcherToStartNothingMoreAndWhatItCancelsIsStoredAtOnce() throws Exception {
    List<CompletableFuture<FetchResult>> waiting = new CopyOnWriteArrayList<>();
    List<String> stops = new CopyOnWriteArrayList<>();
    CountDownLatch asked = new CountDownLatch(3);
    AsyncFetcher queueing = new AsyncFetcher() {
      @Override
      public CompletableFuture<FetchResult> fetch(String url) {
        CompletableFuture<FetchResult> future = new CompletableFuture<>();
        waiting.add(future);
        asked.countDown();
        return future;
      }

      @Override
      public void stopStarting(String reason) {
        stops.add(reason);
        for (CompletableFuture<FetchResult> f : waiting) {
          f.completeExceptionally(new FetchException("http://h.test/", ErrorType.CANCELLED,
              "run stopped (" + reason + ") before this URL was fetched", null, 0));
        }
      }
    };
    CrawlControl control = new CrawlControl(Duration.ofMinutes(10)); // the run must not wait this out
    Pipeline pipeline = new Pipeline(queueing, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    Future<CrawlSummary> run = runner.submit(() -> pipeline.run(new UrlSource(new StringReader(list(0, 3))), control));
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

    control.requestStop("SIGTERM");
    run.get(30, TimeUnit.SECONDS);
    assertThat(stops).containsExactly("SIGTERM");
    assertThat(sink.results).hasSize(3).allSatisfy(r -> assertThat(r.error().message()).contains("before this URL was fetched"));
  }
}
