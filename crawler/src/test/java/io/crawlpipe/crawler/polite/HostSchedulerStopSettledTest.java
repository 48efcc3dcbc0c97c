package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link HostScheduler#stopStartingSettled}: its future completes once every URL the stop ends at
 * once has its future failed, those the mode cancels in its own queue (as the process pool does
 * with URLs waiting for a worker) included, whose outcomes come back through the loop.
 */
class HostSchedulerStopSettledTest {
  private final ManualEventLoop loop = new ManualEventLoop();

  /** Holds every request in its own queue, and fails them all, unsent, when told of a stop. */
  private static final class QueueingMode implements AsyncFetcher {
    final List<CompletableFuture<FetchResult>> queued = new ArrayList<>();

    @Override public CompletableFuture<FetchResult> fetch(String url) {
      CompletableFuture<FetchResult> future = new CompletableFuture<>();
      queued.add(future);
      return future;
    }

    @Override public void stopStarting(String reason) {
      queued.forEach(f -> f.completeExceptionally(new FetchException("http://a.test/", ErrorType.CANCELLED,
          "run stopped (" + reason + ") before a worker took this URL", null, 0)));
    }
  }

  @Test
  void theFutureCompletesOnceTheUrlsWaitingInTheHostQueueAndInTheModesOwnAreFailed() {
    QueueingMode mode = new QueueingMode();
    HostScheduler scheduler = new HostScheduler(mode, new SchedulerSettings(4,
        new PolitenessSettings(1, Duration.ZERO, false), RetrySettings.DEFAULTS, BreakerSettings.DEFAULTS,
        "crawlpipe/test"), loop, Clock.fixed(ScriptedMode.NOW, ZoneOffset.UTC), new SplittableRandom(42));
    CompletableFuture<FetchResult> inMode = scheduler.fetch("http://a.test/1");
    CompletableFuture<FetchResult> inHostQueue = scheduler.fetch("http://a.test/2");  // one per host at a time
    loop.runPending();
    assertThat(mode.queued).hasSize(1);

    CompletableFuture<Void> settled = scheduler.stopStartingSettled("SIGTERM");
    AtomicBoolean bothFailedFirst = new AtomicBoolean();
    settled.thenRun(() -> bothFailedFirst.set(inMode.isCompletedExceptionally() && inHostQueue.isCompletedExceptionally()));
    assertThat(settled).as("the stop runs on the loop").isNotDone();
    loop.runPending();

    assertThat(settled).isCompleted();
    assertThat(bothFailedFirst).isTrue();
    CompletableFuture<Void> again = scheduler.stopStartingSettled("SIGTERM");
    loop.runPending();
    assertThat(again).as("a second stop's future completes too").isCompleted();
  }
}
