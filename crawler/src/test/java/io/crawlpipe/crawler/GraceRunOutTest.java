package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.ExecutorEventLoop;
import io.crawlpipe.crawler.polite.HostScheduler;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.crawler.polite.SchedulerSettings;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stop whose grace runs out ({@code --grace 0}) while the host scheduler, stuck, has not cancelled
 * the URLs it still queues: the pipeline waits for it only so long, then cancels them itself, and
 * one whose request was never handed to the mode ends as never fetched. The scheduler's loop is
 * held busy from the stop on, so the pipeline's cancels always come first.
 */
@Timeout(60)
class GraceRunOutTest {
  private static final int URLS = 7;
  private final ListSink sink = new ListSink();
  private final ExecutorService runner = Executors.newSingleThreadExecutor();
  private final ExecutorEventLoop loop = new ExecutorEventLoop();
  private final CountDownLatch loopHeld = new CountDownLatch(1);
  private final CountDownLatch releaseLoop = new CountDownLatch(1);

  @AfterEach
  void release() {
    releaseLoop.countDown();
    loop.close();
    runner.shutdownNow();
  }

  /** A clock a second later at every reading: a line timed from when its URL was read shows it. */
  private static final class TickingClock extends Clock {
    private final AtomicLong seconds = new AtomicLong();

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return Instant.EPOCH.plusSeconds(seconds.incrementAndGet()); }
  }

  @Test
  void urlsStillQueuedForTheirHostWhenTheGraceRunsOutAreCancelledAsNeverFetched() throws Exception {
    AsyncFetcher hanging = url -> new CompletableFuture<>();  // the mode never answers
    HostScheduler scheduler = new HostScheduler(hanging, new SchedulerSettings(4,
        new PolitenessSettings(1, Duration.ZERO, false), new RetrySettings(0, Duration.ZERO, Duration.ZERO),
        BreakerSettings.DEFAULTS, "crawlpipe/test"), loop, Clock.systemUTC());
    AtomicInteger handed = new AtomicInteger();
    AsyncFetcher counting = new AsyncFetcher() {
      @Override public CompletableFuture<FetchResult> fetch(String url) {
        handed.incrementAndGet();
        return scheduler.fetch(url);
      }

      @Override public CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
        handed.incrementAndGet();
        return scheduler.fetch(url, sent);
      }

      @Override public void stopStarting(String reason) {
        scheduler.stopStarting(reason);
      }

      @Override public CompletableFuture<Void> stopStartingSettled(String reason) {
        return scheduler.stopStartingSettled(reason);
      }
    };
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < URLS; i++) list.append("http://h.test/").append(i).append('\n');
    CrawlControl control = new CrawlControl(Duration.ZERO);
    Pipeline pipeline = new Pipeline(counting, new DefaultPageParser(), Runnable::run, sink, new TickingClock(), URLS,
        new CrawlStats(), Duration.ofMillis(50));
    Future<CrawlSummary> run = runner.submit(() -> pipeline.run(new UrlSource(new StringReader(list.toString())), control));
    Conditions.await(() -> handed.get() == URLS);
    holdLoop();

    control.requestStop("SIGTERM");
    run.get(30, TimeUnit.SECONDS);

    List<CrawlResult> lines = List.copyOf(sink.results);
    assertThat(lines).hasSize(URLS).allSatisfy(r -> assertThat(r.error().type()).isEqualTo(ErrorType.CANCELLED))
        .allSatisfy(r -> assertThat(r.attempts()).isZero());
    assertThat(lines).filteredOn(r -> r.url().equals("http://h.test/0")).singleElement().satisfies(r -> {
      assertThat(r.elapsedMs()).as("its request was running").isPositive();
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL finished");
    });
    assertThat(lines).filteredOn(r -> !r.url().equals("http://h.test/0")).hasSize(URLS - 1).allSatisfy(r -> {
      assertThat(r.elapsedMs()).as(r.url() + " was never handed to the mode").isZero();
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL was fetched");
    });
  }

  /** Keeps the scheduler's loop busy until the test ends: events given after this one wait. */
  private void holdLoop() throws InterruptedException {
    loop.execute(() -> {
      loopHeld.countDown();
      try {
        releaseLoop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(loopHeld.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
