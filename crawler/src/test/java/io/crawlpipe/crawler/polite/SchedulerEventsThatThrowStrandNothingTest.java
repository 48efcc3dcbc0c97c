package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bug in one of the scheduler's events (here a {@code started} callback that throws, or a mode
 * answering null) fails the URLs it concerns as {@code internal}; it never leaves a URL, a
 * robots.txt fetch or a slot taken for ever, so the run still ends.
 */
@Timeout(10)
class SchedulerEventsThatThrowStrandNothingTest {
  private static final RetrySettings NO_RETRIES = new RetrySettings(0, Duration.ZERO, Duration.ZERO);
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private HostScheduler scheduler(int concurrency, boolean obeyRobots) {
    return mode.scheduler(concurrency, new PolitenessSettings(1, Duration.ZERO, obeyRobots), NO_RETRIES,
        BreakerSettings.DEFAULTS);
  }

  private static void assertSchedulerFailure(CompletableFuture<FetchResult> result, String... mentions) {
    FetchException e = failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.getMessage()).contains(mentions);
  }

  /** Never blocks: a URL left waiting fails the test instead of hanging it. */
  private static void assertFetched(CompletableFuture<FetchResult> result) {
    assertThat(result).isCompleted();
    assertThat(result.join().status()).isEqualTo(200);
  }

  @Test
  void aStartThatThrowsFailsItsUrlAndLeavesItsSlotsToTheOthers() {
    HostScheduler scheduler = scheduler(1, false);
    CompletableFuture<FetchResult> broken = scheduler.fetch("http://a.test/1", () -> {
      throw new IllegalStateException("started callback bug");
    });
    CompletableFuture<FetchResult> sameHost = scheduler.fetch("http://a.test/2");
    CompletableFuture<FetchResult> otherHost = scheduler.fetch("http://b.test/1");
    loop.runPending();

    assertSchedulerFailure(broken, "host scheduler failed: ", "started callback bug");
    assertFetched(sameHost);  // the host's one request was not kept
    assertFetched(otherHost);  // nor the crawl's one slot
    assertThat(mode.pageCalls()).containsExactly("http://a.test/2", "http://b.test/1");
  }

  @Test
  void anOutcomeThatThrowsStillHandsItsSlotToTheHostsInLine() {
    mode.answer(url -> url.startsWith("http://a.test/") ? CompletableFuture.completedFuture(null) : ok(url));
    HostScheduler scheduler = scheduler(1, false);
    CompletableFuture<FetchResult> broken = scheduler.fetch("http://a.test/1");
    CompletableFuture<FetchResult> inLine = scheduler.fetch("http://b.test/1");  // waits for the one slot
    loop.runPending();

    assertSchedulerFailure(broken, "host scheduler failed: ");
    assertFetched(inLine);
  }

  @Test
  void aRobotsTxtRedirectWaitingAtAHostWhoseEventThrowsFailsItsHostsUrls() {
    CompletableFuture<FetchResult> bPage = held();
    mode.answer(url -> url.equals("http://b.test/page") ? bPage : ok(url));
    mode.robots("http://a.test/robots.txt", status("http://a.test/robots.txt", 302, "location", "http://b.test/a-rules"));
    HostScheduler scheduler = scheduler(16, true);
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/page");
    loop.runPending();
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/page");
    loop.runPending();
    assertThat(mode.calls()).doesNotContain("http://b.test/a-rules");  // the hop waits: b's one request runs

    bPage.complete(null);  // a bug's stand-in: the event that ends b's request throws
    loop.runPending();

    assertSchedulerFailure(b, "host scheduler failed: ");
    assertSchedulerFailure(a, "http://a.test/robots.txt redirected to http://b.test/a-rules, which",
        "host scheduler failed: ", "so the host is not crawled this run");
    assertThat(failure(a).attempts()).isZero();
  }
}
