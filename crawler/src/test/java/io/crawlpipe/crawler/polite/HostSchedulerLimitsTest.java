package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostSchedulerLimitsTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);
  private final List<CompletableFuture<FetchResult>> heldReplies = new ArrayList<>();

  private HostScheduler scheduler(int concurrency, int perHost, Duration delay) {
    return mode.scheduler(concurrency, new PolitenessSettings(perHost, delay, false), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
  }

  private List<CompletableFuture<FetchResult>> fetchAll(HostScheduler scheduler, String prefix, int n) {
    List<CompletableFuture<FetchResult>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) results.add(scheduler.fetch(prefix + i));
    loop.runPending();
    return results;
  }

  /** Page URLs of {@code slow.test} are held until the test completes them; others answer at once. */
  private void holdSlowHost() {
    mode.answer(url -> {
      if (!url.startsWith("http://slow.test/")) return ok(url);
      CompletableFuture<FetchResult> reply = held();
      heldReplies.add(reply);
      return reply;
    });
  }

  @Test
  void atMostPerHostRequestsRunForOneHostAndTheRestWaitInItsQueue() {
    holdSlowHost();
    List<CompletableFuture<FetchResult>> results = fetchAll(scheduler(10, 2, Duration.ZERO), "http://slow.test/", 5);
    assertThat(mode.pageCalls()).hasSize(2);
    heldReplies.get(0).complete(ok("http://slow.test/0").join());
    loop.runPending();
    assertThat(mode.pageCalls()).hasSize(3);
    assertThat(results.get(0)).isCompleted();
  }

  @Test
  void aStopCancelsEveryUrlNotYetStartedAtOnceAndLetsTheRunningOnesFinish() {
    holdSlowHost();
    HostScheduler scheduler = scheduler(10, 1, Duration.ZERO);
    List<CompletableFuture<FetchResult>> results = fetchAll(scheduler, "http://slow.test/", 3);
    assertThat(mode.pageCalls()).hasSize(1);

    scheduler.stopStarting("SIGTERM");
    loop.runPending();
    for (CompletableFuture<FetchResult> waiting : results.subList(1, 3)) {
      FetchException e = HostSchedulerRetryTest.failure(waiting);
      assertThat(e.type()).isEqualTo(io.crawlpipe.store.ErrorType.CANCELLED);
      assertThat(e.getMessage()).contains("run stopped (SIGTERM) before this URL was fetched");
      assertThat(e.attempts()).isZero();
    }
    assertThat(results.get(0)).isNotDone();

    heldReplies.get(0).complete(ok("http://slow.test/0").join());
    List<CompletableFuture<FetchResult>> late = fetchAll(scheduler, "http://fast.test/", 1);
    assertThat(results.get(0).join().status()).isEqualTo(200);
    assertThat(HostSchedulerRetryTest.failure(late.get(0)).type()).isEqualTo(io.crawlpipe.store.ErrorType.CANCELLED);
    assertThat(mode.pageCalls()).containsExactly("http://slow.test/0");
  }

  @Test
  void aUrlTheModeCancelledUnsentCountsNoAttemptForItOneItHadSentCountsOne() {
    mode.answer(url -> CompletableFuture.failedFuture(new FetchException(url, io.crawlpipe.store.ErrorType.CANCELLED,
        "run stopped (SIGTERM) before a worker took this URL", null, url.endsWith("/sent") ? 1 : 0)));
    HostScheduler scheduler = scheduler(10, 2, Duration.ZERO);
    List<CompletableFuture<FetchResult>> results = List.of(scheduler.fetch("http://a.test/unsent"), scheduler.fetch("http://a.test/sent"));
    loop.runPending();
    assertThat(HostSchedulerRetryTest.failure(results.get(0)).attempts()).isZero();
    assertThat(HostSchedulerRetryTest.failure(results.get(1)).attempts()).isEqualTo(1);
  }

  @Test
  void aSlowHostDoesNotTakeTheSlotsOfFastHosts() {
    holdSlowHost();
    HostScheduler scheduler = scheduler(3, 2, Duration.ZERO);
    List<CompletableFuture<FetchResult>> slow = fetchAll(scheduler, "http://slow.test/", 100);
    List<CompletableFuture<FetchResult>> fast = new ArrayList<>();
    for (int h = 0; h < 5; h++) fast.addAll(fetchAll(scheduler, "http://fast" + h + ".test/", 20));
    assertThat(fast).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(slow).noneMatch(CompletableFuture::isDone);
    assertThat(heldReplies).hasSize(2);
  }

  @Test
  void noMoreThanConcurrencyAttemptsRunAcrossHosts() {
    mode.answer(url -> {
      CompletableFuture<FetchResult> reply = held();
      heldReplies.add(reply);
      return reply;
    });
    HostScheduler scheduler = scheduler(3, 2, Duration.ZERO);
    for (int h = 0; h < 4; h++) fetchAll(scheduler, "http://h" + h + ".test/", 2);
    assertThat(heldReplies).hasSize(3);
    heldReplies.get(0).complete(ok("x").join());
    loop.runPending();
    assertThat(heldReplies).hasSize(4);
  }

  @Test
  void freedSlotsGoToWaitingHostsInTurn() {
    mode.answer(url -> {
      CompletableFuture<FetchResult> reply = held();
      heldReplies.add(reply);
      return reply;
    });
    HostScheduler scheduler = scheduler(1, 1, Duration.ZERO);
    fetchAll(scheduler, "http://a.test/", 3);
    fetchAll(scheduler, "http://b.test/", 3);
    for (int i = 0; i < 4; i++) {
      heldReplies.get(i).complete(ok("x").join());
      loop.runPending();
    }
    assertThat(mode.pageCalls()).extracting(u -> u.substring(7, 8)).containsExactly("a", "b", "a", "b", "a");
  }

  @Test
  void delaySpacesTheStartsOfRequestsToTheSameHostOnly() {
    HostScheduler scheduler = scheduler(10, 4, Duration.ofSeconds(2));
    List<CompletableFuture<FetchResult>> a = fetchAll(scheduler, "http://a.test/", 3);
    List<CompletableFuture<FetchResult>> b = fetchAll(scheduler, "http://b.test/", 1);
    loop.advance(Duration.ofSeconds(10));
    assertThat(mode.callTimes("http://a.test/"))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(mode.callTimes("http://b.test/")).containsExactly(Duration.ZERO);
    assertThat(a).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(b).allSatisfy(f -> assertThat(f).isCompleted());
  }

  @Test
  void delayIsTimedFromWhenTheModeSentTheRequestNotFromWhenItWasHandedOver() {
    mode.holdSends();  // as in processes mode, when every worker is full or the one holding it stalls
    holdSlowHost();
    HostScheduler scheduler = scheduler(10, 4, Duration.ofSeconds(2));
    fetchAll(scheduler, "http://slow.test/", 3);
    loop.advance(Duration.ofSeconds(5));
    assertThat(mode.callTimes("http://slow.test/")).containsExactly(Duration.ZERO);
    mode.reportSends();  // the first request leaves at 5 s: the second may start 2 s after that
    loop.advance(Duration.ofSeconds(5));
    assertThat(mode.callTimes("http://slow.test/")).containsExactly(Duration.ZERO, Duration.ofSeconds(7));
  }

  @Test
  void robotsTxtIsTimedFromItsSendSoTheCrawlDelayItBringsHoldsFromThere() {
    mode.holdSends();  // a cold worker takes 5 s to send it
    CompletableFuture<FetchResult> robots = held();
    mode.robots("http://a.test/robots.txt", robots);
    HostScheduler scheduler = mode.scheduler(10, new PolitenessSettings(4, Duration.ZERO, true), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
    scheduler.fetch("http://a.test/page");
    loop.advance(Duration.ofSeconds(5));
    mode.reportSends();
    robots.complete(ScriptedMode.body("http://a.test/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 2\n").join());
    loop.advance(Duration.ofSeconds(5));
    assertThat(mode.callTimes("http://a.test/page")).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRequestThatEndsWithoutBeingSentLetsTheHostsNextOneStart() {
    mode.holdSends();
    List<CompletableFuture<FetchResult>> first = new ArrayList<>();
    mode.answer(url -> {
      CompletableFuture<FetchResult> reply = held();
      first.add(reply);
      return reply;
    });
    HostScheduler scheduler = scheduler(10, 4, Duration.ofSeconds(2));
    fetchAll(scheduler, "http://a.test/", 2);
    loop.advance(Duration.ofSeconds(3));
    first.getFirst().complete(status("http://a.test/0", 404).join());  // ended, never reported sent
    loop.runPending();
    assertThat(mode.callTimes("http://a.test/")).containsExactly(Duration.ZERO, Duration.ofSeconds(3));
  }

  @Test
  void idleHostsBeyondTheLimitAreForgottenButBusyOnesAreKept() {
    HostTable table = new HostTable(key -> new HostQueue(key, null, Duration.ZERO), 2);
    HostQueue busy = table.get(new HostKey("http", "busy.test", 80));
    busy.add(new FetchTask("http://busy.test/", busy.key(), java.time.Instant.EPOCH));
    for (int i = 0; i < 5; i++) table.retireIfIdle(table.get(new HostKey("http", "h" + i + ".test", 80)));
    table.retireIfIdle(busy);
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.get(busy.key())).isSameAs(busy);
  }

  @Test
  void aModeThatThrowsAnErrorFailsItsUrlsInsteadOfStrandingThem() {
    mode.answer(url -> {
      throw new StackOverflowError();
    });
    List<CompletableFuture<FetchResult>> results = fetchAll(scheduler(10, 1, Duration.ZERO), "http://a.test/", 3);
    assertThat(results).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
  }

  @Test
  void aFailingSchedulerEventFailsTheHostsWaitingUrlsInsteadOfStrandingThem() {
    // A mode that answers null, a bug's stand-in, makes the event that ends the attempt throw.
    // The URL and those waiting for its host must end (as internal errors), not wait forever.
    mode.answer(url -> CompletableFuture.completedFuture(null));
    HostScheduler scheduler = scheduler(10, 1, Duration.ZERO);
    List<CompletableFuture<FetchResult>> results = fetchAll(scheduler, "http://a.test/", 3);
    assertThat(results).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    assertThat(HostSchedulerRetryTest.failure(results.get(1)).type()).isEqualTo(io.crawlpipe.store.ErrorType.INTERNAL);
    assertThat(results).allSatisfy(f -> assertThat(HostSchedulerRetryTest.failure(f).getMessage())
        .startsWith("host scheduler failed: "));
  }
}
