package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.NOW;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A URL's {@code fetched_at} and {@code elapsed_ms} are the mode's figures when it has them (a
 * process pool's job may wait for a worker before any request starts), the hand-off's otherwise.
 * The scheduler's wall clock stands at {@link ScriptedMode#NOW}; the mode answers 3 s later.
 */
@Timeout(10)
class HostSchedulerTimingTest {
  private static final Duration WAITED = Duration.ofSeconds(3);
  private static final Instant WORKER_STARTED = NOW.plusMillis(2_500);

  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);
  private final Map<String, CompletableFuture<FetchResult>> replies = new HashMap<>();

  private HostScheduler scheduler() {
    mode.answer(url -> replies.computeIfAbsent(url, u -> held()));
    return mode.scheduler(16, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(0, Duration.ZERO, Duration.ZERO), BreakerSettings.DEFAULTS);
  }

  private static FetchResult page(String url, int status, Instant fetchedAt, long elapsedMs, String... header) {
    Map<String, String> headers = header.length == 0 ? Map.of() : Map.of(header[0], header[1]);
    return new FetchResult(url, url, status, "text/plain", headers, new byte[0], fetchedAt, elapsedMs, 1);
  }

  @Test
  void aFailureTheModeTimedKeepsItsTimesAndOneItDidNotIsTimedFromItsHandOff() {
    HostScheduler scheduler = scheduler();
    CompletableFuture<FetchResult> timed = scheduler.fetch("http://a.test/timed");
    CompletableFuture<FetchResult> lost = scheduler.fetch("http://b.test/lost");
    loop.runPending();
    loop.advance(WAITED);
    replies.get("http://a.test/timed").completeExceptionally(
        new FetchException("http://a.test/timed", ErrorType.TIMEOUT, "timeout", null).withTiming(WORKER_STARTED, 500));
    replies.get("http://b.test/lost").completeExceptionally(
        new FetchException("http://b.test/lost", ErrorType.WORKER_CRASHED, "3 worker processes died", null));
    loop.runPending();

    assertThat(ScriptedMode.failure(timed).fetchedAt()).isEqualTo(WORKER_STARTED);
    assertThat(ScriptedMode.failure(timed).elapsedMs()).isEqualTo(500);
    assertThat(ScriptedMode.failure(lost).fetchedAt()).isEqualTo(NOW);
    assertThat(ScriptedMode.failure(lost).elapsedMs()).isEqualTo(WAITED.toMillis());
  }

  /** The process pool's failure for a URL still waiting for a worker at a stop: sent to none. */
  private static FetchException cancelledUnsent(String url) {
    return new FetchException(url, ErrorType.CANCELLED, "run stopped (SIGTERM) before a worker took this URL", null, 0);
  }

  @Test
  void aUrlTheModeCancelsUnsentIsNeverFetchedSoItsLineHasNoElapsedTime() {
    CompletableFuture<FetchResult> result = scheduler().fetch("http://a.test/waiting");
    loop.runPending();
    loop.advance(WAITED);  // waiting for a worker
    replies.get("http://a.test/waiting").completeExceptionally(cancelledUnsent("http://a.test/waiting"));
    loop.runPending();

    FetchException e = ScriptedMode.failure(result);
    assertThat(e.attempts()).isZero();
    assertThat(e.elapsedMs()).isZero();
    assertThat(e.fetchedAt()).isEqualTo(NOW);
  }

  @Test
  void aUrlThatFailsAsWorkerCrashedBeforeAnyWorkerWasSentItIsNeverFetchedSoItsLineHasNoElapsedTime() {
    CompletableFuture<FetchResult> result = scheduler().fetch("http://a.test/unsent");
    loop.runPending();
    loop.advance(WAITED);  // waiting for a worker that never comes: the pool then fails it, sent to none
    replies.get("http://a.test/unsent").completeExceptionally(new FetchException("http://a.test/unsent",
        ErrorType.WORKER_CRASHED, "no worker process is running: cannot start worker 4", null, 0));
    loop.runPending();

    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
    assertThat(e.attempts()).isZero();
    assertThat(e.elapsedMs()).isZero();
    assertThat(e.fetchedAt()).isEqualTo(NOW);
  }

  @Test
  void aRetryTheModeCancelsUnsentLeavesTheLineWithTheTimesOfTheAttemptMade() {
    Map<String, Integer> calls = new HashMap<>();
    mode.answer(url -> calls.merge(url, 1, Integer::sum) == 1
        ? CompletableFuture.completedFuture(page(url, 503, WORKER_STARTED, 500)) : replies.computeIfAbsent(url, u -> held()));
    HostScheduler scheduler = mode.scheduler(16, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(1, Duration.ofSeconds(1), Duration.ofSeconds(30)), BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/flaky");
    loop.runPending();
    loop.advance(Duration.ofSeconds(30));  // the backoff: the retry is handed to the mode
    loop.runPending();
    assertThat(replies).containsKey("http://a.test/flaky");
    loop.advance(WAITED);
    replies.get("http://a.test/flaky").completeExceptionally(cancelledUnsent("http://a.test/flaky"));
    loop.runPending();

    FetchException e = ScriptedMode.failure(result);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.fetchedAt()).isEqualTo(WORKER_STARTED);
    assertThat(e.elapsedMs()).isEqualTo(500);
  }

  @Test
  void aPageIsDatedWhenTheModeStartedItsRequestNotWhenItWasHandedToTheMode() {
    CompletableFuture<FetchResult> result = scheduler().fetch("http://a.test/page");
    loop.runPending();
    loop.advance(WAITED);
    replies.get("http://a.test/page").complete(page("http://a.test/page", 200, WORKER_STARTED, 500));
    loop.runPending();

    assertThat(result.join().fetchedAt()).isEqualTo(WORKER_STARTED);
    assertThat(result.join().elapsedMs()).isEqualTo(500);
  }

  @Test
  void aRedirectedAttemptIsDatedByItsFirstRequestAndTimedByAllItsRequests() {
    CompletableFuture<FetchResult> result = scheduler().fetch("http://a.test/from");
    loop.runPending();
    loop.advance(WAITED);
    replies.get("http://a.test/from").complete(page("http://a.test/from", 302, WORKER_STARTED, 100, "location", "/to"));
    loop.runPending();
    replies.get("http://a.test/to").complete(page("http://a.test/to", 200, WORKER_STARTED.plusSeconds(5), 200));
    loop.runPending();

    assertThat(result.join().finalUrl()).isEqualTo("http://a.test/to");
    assertThat(result.join().fetchedAt()).isEqualTo(WORKER_STARTED);
    assertThat(result.join().elapsedMs()).isEqualTo(300);
  }
  @Test
  void theCallerHearsOnceWhenAUrlsFirstRequestIsHandedToTheModeAndNeverForOneCancelledWhileQueued() {
    Map<String, Integer> calls = new HashMap<>();
    mode.answer(url -> url.endsWith("/flaky") && calls.merge(url, 1, Integer::sum) == 1
        ? ScriptedMode.status(url, 503) : url.endsWith("/flaky") ? ScriptedMode.ok(url) : held());
    HostScheduler scheduler = mode.scheduler(16, new PolitenessSettings(1, Duration.ZERO, false),
        new RetrySettings(1, Duration.ofSeconds(1), Duration.ofSeconds(30)), BreakerSettings.DEFAULTS);
    Map<String, Integer> started = new HashMap<>();
    Map<String, CompletableFuture<FetchResult>> results = new HashMap<>();
    for (String url : new String[] {"http://a.test/flaky", "http://b.test/running", "http://b.test/queued"}) {
      results.put(url, scheduler.fetch(url, () -> started.merge(url, 1, Integer::sum)));
    }
    loop.runPending();
    loop.advance(Duration.ofSeconds(30));  // the flaky URL's retry: a second request, no second report
    scheduler.stopStarting("SIGTERM");
    loop.runPending();

    assertThat(results.get("http://a.test/flaky").join().attempts()).isEqualTo(2);
    assertThat(ScriptedMode.failure(results.get("http://b.test/queued")).type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(started).containsOnly(Map.entry("http://a.test/flaky", 1), Map.entry("http://b.test/running", 1));
  }
}
