package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.error;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class HostSchedulerRetryTest {
  private static final RetrySettings RETRY = new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private static final PolitenessSettings POLITE = new PolitenessSettings(4, Duration.ZERO, true);
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);
  private final Map<String, Integer> calls = new HashMap<>();

  /** Answers each URL with {@code replies} in turn, the last one repeating. */
  @SafeVarargs
  private void script(java.util.function.Function<String, CompletableFuture<FetchResult>>... replies) {
    mode.answer(url -> {
      int n = calls.merge(url, 1, Integer::sum);
      return replies[Math.min(n, replies.length) - 1].apply(url);
    });
  }

  private HostScheduler scheduler(int concurrency) {
    return mode.scheduler(concurrency, POLITE, RETRY, BreakerSettings.DEFAULTS);
  }

  @Test
  void retriesOn503TwiceThenSucceedsWithThreeAttempts() {
    script(u -> status(u, 503), u -> status(u, 503), u -> ok(u));
    CompletableFuture<FetchResult> result = scheduler(4).fetch("http://a.test/flaky");
    loop.advance(Duration.ofMinutes(1));
    assertThat(result.join().status()).isEqualTo(200);
    assertThat(result.join().attempts()).isEqualTo(3);
    assertThat(mode.pageCalls()).hasSize(3);
    List<Duration> waits = loop.scheduledDelays();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retryAfterSecondsIsWaitedOutBeforeTheNextAttempt() {
    script(u -> status(u, 503, "retry-after", "7"), u -> ok(u));
    CompletableFuture<FetchResult> result = scheduler(4).fetch("http://a.test/busy");
    loop.advance(Duration.ofMillis(6_999));
    assertThat(mode.pageCalls()).hasSize(1);
    assertThat(result).isNotDone();
    loop.advance(Duration.ofMillis(1));
    assertThat(mode.pageCalls()).hasSize(2);
    assertThat(result.join().attempts()).isEqualTo(2);
    assertThat(loop.scheduledDelays()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterPausesTheWholeHostButNotOtherHosts() {
    mode.answer(u -> u.endsWith("/first") && !calls.containsKey(u) ? once(u, status(u, 429, "retry-after", "10")) : ok(u));
    HostScheduler scheduler = scheduler(4);
    CompletableFuture<FetchResult> first = scheduler.fetch("http://a.test/first");
    loop.runPending();
    CompletableFuture<FetchResult> sameHost = scheduler.fetch("http://a.test/second");
    CompletableFuture<FetchResult> otherHost = scheduler.fetch("http://b.test/page");
    loop.advance(Duration.ofSeconds(9));
    assertThat(otherHost).isCompleted();
    assertThat(sameHost).isNotDone();
    loop.advance(Duration.ofSeconds(1));
    assertThat(first.join().status()).isEqualTo(200);
    assertThat(sameHost.join().status()).isEqualTo(200);
  }

  @Test
  void aRetryTheServerAskedToWaitForGoesBeforeTheHostsNewUrlsWhenThePauseEnds() {
    mode.answer(u -> u.endsWith("/first") && !calls.containsKey(u) ? once(u, status(u, 503, "retry-after", "2")) : ok(u));
    HostScheduler scheduler = mode.scheduler(4, new PolitenessSettings(1, Duration.ZERO, false), RETRY,
        BreakerSettings.DEFAULTS);
    scheduler.fetch("http://a.test/first");
    loop.runPending();
    scheduler.fetch("http://a.test/second");  // arrives while the host is paused
    loop.advance(Duration.ofSeconds(5));
    assertThat(mode.pageCalls()).containsExactly("http://a.test/first", "http://a.test/first", "http://a.test/second");
  }

  private CompletableFuture<FetchResult> once(String url, CompletableFuture<FetchResult> reply) {
    calls.put(url, 1);
    return reply;
  }

  @Test
  void retryAfterLongerThanTheMaximumWaitIsCapped() {
    script(u -> status(u, 503, "retry-after", "3600"), u -> ok(u));
    CompletableFuture<FetchResult> result = scheduler(4).fetch("http://a.test/");
    loop.advance(Duration.ofSeconds(30));
    assertThat(result.join().status()).isEqualTo(200);
    assertThat(loop.scheduledDelays()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void lastTransientResponseIsTheResultOnceRetriesAreUsedUp() {
    script(u -> status(u, 503));
    CompletableFuture<FetchResult> result = scheduler(4).fetch("http://a.test/down");
    loop.advance(Duration.ofMinutes(5));
    assertThat(result.join().status()).isEqualTo(503);
    assertThat(result.join().attempts()).isEqualTo(3);
  }

  @Test
  void transientTransportFailureKeepsItsTypeWithTheAttemptsMade() {
    script(u -> error(u, ErrorType.TIMEOUT));
    CompletableFuture<FetchResult> result = scheduler(4).fetch("http://a.test/slow");
    loop.advance(Duration.ofMinutes(5));
    FetchException e = failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void nonTransientOutcomesAreNeverRetried() {
    mode.answer(u -> switch (u.substring(u.lastIndexOf('/') + 1)) {
      case "404" -> status(u, 404);
      case "410" -> status(u, 410);
      case "500" -> status(u, 500);
      case "big" -> error(u, ErrorType.TOO_LARGE);
      default -> error(u, ErrorType.DNS);
    });
    HostScheduler scheduler = scheduler(8);
    List<CompletableFuture<FetchResult>> results = List.of("404", "410", "500", "big", "dns").stream()
        .map(p -> scheduler.fetch("http://a.test/" + p)).toList();
    loop.advance(Duration.ofMinutes(5));
    assertThat(results).allSatisfy(f -> assertThat(f).isDone());
    assertThat(mode.pageCalls()).hasSize(5);
    assertThat(loop.scheduledDelays()).isEmpty();
  }

  @Test
  void zeroRetriesMakesOneAttempt() {
    script(u -> status(u, 503));
    HostScheduler scheduler = mode.scheduler(4, POLITE, new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/");
    loop.runPending();
    assertThat(result.join().attempts()).isEqualTo(1);
  }

  @Test
  void retryAfterPausesTheHostEvenWhenNoRetryFollows() {
    mode.answer(u -> u.endsWith("/limited") ? status(u, 429, "retry-after", "5") : ok(u));
    HostScheduler scheduler = mode.scheduler(4, POLITE, new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> limited = scheduler.fetch("http://a.test/limited");
    loop.runPending();
    assertThat(limited.join().status()).isEqualTo(429);
    CompletableFuture<FetchResult> next = scheduler.fetch("http://a.test/next");
    CompletableFuture<FetchResult> otherHost = scheduler.fetch("http://b.test/page");
    loop.advance(Duration.ofMillis(4_999));
    assertThat(otherHost).isCompleted();
    assertThat(next).isNotDone();
    loop.advance(Duration.ofMillis(1));
    assertThat(next.join().status()).isEqualTo(200);
  }

  @Test
  void waitingForARetryHoldsNoConcurrencySlot() {
    mode.answer(u -> u.startsWith("http://a.test") ? status(u, 503, "retry-after", "60") : ok(u));
    HostScheduler scheduler = scheduler(1);
    CompletableFuture<FetchResult> flaky = scheduler.fetch("http://a.test/");
    loop.runPending();
    CompletableFuture<FetchResult> other = scheduler.fetch("http://b.test/");
    loop.runPending();
    assertThat(other).isCompleted();
    assertThat(flaky).isNotDone();
  }

  @Test
  void aStopCancelsAUrlWaitingOutItsRetryBackoffAtOnceCountingItsAttempt() {
    mode.answer(url -> status(url, 503));
    HostScheduler scheduler = mode.scheduler(4, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(2, Duration.ofSeconds(20), Duration.ofSeconds(30)), BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/flaky");
    loop.runPending();
    assertThat(result).isNotDone(); // one attempt made, the retry waits on a timer

    scheduler.stopStarting("SIGTERM");
    loop.runPending();
    FetchException e = failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(e.getMessage()).contains("run stopped (SIGTERM) before this URL was fetched again");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(mode.pageCalls()).hasSize(1);
  }

  @Test
  void anAttemptEndingAfterAStopIsNotRetriedItsOutcomeIsTheUrls() {
    CompletableFuture<FetchResult> reply = new CompletableFuture<>();
    mode.answer(url -> reply);
    HostScheduler scheduler = mode.scheduler(4, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(30)), BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/flaky");
    loop.runPending();

    scheduler.stopStarting("SIGTERM");
    loop.runPending();
    reply.complete(status("http://a.test/flaky", 503).join());
    loop.runPending();
    assertThat(result.join().status()).isEqualTo(503);
    assertThat(mode.pageCalls()).hasSize(1);
  }

  static FetchException failure(CompletableFuture<FetchResult> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.join();
      throw new AssertionError("expected a failure");
    } catch (CompletionException e) {
      return (FetchException) e.getCause();
    }
  }

  @Test
  void theVerboseRetryLineGivesTheCausesMessageAndTheWaitAsDurationsAreWritten() {
    FetchTask task = new FetchTask("http://a.test/\u001b[1m", HostKey.of("http://a.test/"), java.time.Instant.EPOCH);
    FetchException refused = new FetchException("http://a.test/", ErrorType.CONNECT,
        "connect to a.test:80: Connection refused", null);
    assertThat(AttemptRunner.retryLine(task, Duration.ofMillis(80), null, refused)).isEqualTo("retrying"
        + " url=http://a.test/\\u001b[1m attempts=0 wait=80ms after=\"connect: connect to a.test:80: Connection refused\"");
    FetchResult busy = new FetchResult("http://a.test/", "http://a.test/", 503, "text/plain", Map.of(), new byte[0],
        java.time.Instant.EPOCH, 1, 1);
    assertThat(AttemptRunner.retryLine(task, Duration.ofMillis(1500), busy, null)).endsWith(" wait=1.5s after=\"status 503\"");
  }
}
