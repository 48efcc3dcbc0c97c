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
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stop with no grace ({@code --grace 0}): a URL waiting for a retry is cancelled by the host
 * scheduler, which knows the attempt it made, and the pipeline stores that line rather than one of
 * its own; only a URL whose request is running is left to the pipeline. The scheduler's loop is
 * held from before the stop until the pipeline waits, so its cancels always come after the grace.
 */
@Timeout(60)
class UrlsWaitingAtAStopTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
  private final ListSink sink = new ListSink();
  private final ExecutorEventLoop loop = new ExecutorEventLoop();
  private final CountDownLatch releaseLoop = new CountDownLatch(1);

  @AfterEach
  void release() {
    releaseLoop.countDown();
    loop.close();
  }

  @Test
  void aUrlWaitingForARetryKeepsTheAttemptItMadeAndARunningOneIsCancelledAsUnfinished() throws Exception {
    CountDownLatch asked = new CountDownLatch(2);
    AsyncFetcher mode = url -> {  // a 503 asking for 10 s; the other host never answers
      asked.countDown();
      return url.contains("retry") ? CompletableFuture.completedFuture(new FetchResult(url, url, 503, "text/plain",
          Map.of("retry-after", "10"), new byte[0], AT, 7, 1)) : new CompletableFuture<>();
    };
    HostScheduler scheduler = new HostScheduler(mode, new SchedulerSettings(4,
        new PolitenessSettings(1, Duration.ZERO, false), new RetrySettings(2, Duration.ZERO, Duration.ofSeconds(30)),
        BreakerSettings.DEFAULTS, "crawlpipe/test"), loop, Clock.systemUTC());
    CrawlControl control = new CrawlControl(Duration.ZERO);
    Pipeline pipeline = new Pipeline(scheduler, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 8,
        new CrawlStats(), Duration.ofSeconds(30));
    CompletableFuture<CrawlSummary> run = new CompletableFuture<>();
    Thread runner = Thread.ofPlatform().start(() -> run.complete(
        pipeline.run(new UrlSource(new StringReader("http://a.test/retry\nhttp://b.test/hang\n")), control)));
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    holdLoopAfterPendingEvents();

    control.requestStop("SIGTERM");
    Conditions.await(() -> run.isDone() || runner.getState() == Thread.State.TIMED_WAITING);
    releaseLoop.countDown();
    run.get(10, TimeUnit.SECONDS);

    assertThat(sink.results).hasSize(2);
    assertThat(sink.results).filteredOn(r -> r.url().equals("http://a.test/retry")).singleElement().satisfies(r -> {
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.elapsedMs()).as("its attempt's").isEqualTo(7);
      assertThat(r.fetchedAt()).isEqualTo(AT);
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL was fetched again");
    });
    assertThat(sink.results).filteredOn(r -> r.url().equals("http://b.test/hang")).singleElement().satisfies(r -> {
      assertThat(r.attempts()).isZero();
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL finished");
    });
  }

  /**
   * Waits until the loop has run what is queued now and what that queued (the 503's outcome: the
   * retry is scheduled), then keeps it busy: events given after this wait until the test lets go.
   */
  private void holdLoopAfterPendingEvents() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    loop.execute(() -> loop.execute(() -> {
      held.countDown();
      try {
        releaseLoop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
