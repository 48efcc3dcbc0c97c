package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A host's robots.txt and the pages it governs, among many hosts competing for the crawl's slots. */
class HostSchedulerRobotsTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private static final String ROBOTS = "http://a.test/robots.txt";

  private HostScheduler scheduler(int concurrency) {
    return scheduler(concurrency, Duration.ZERO);
  }

  private HostScheduler scheduler(int concurrency, Duration delay) {
    return mode.scheduler(concurrency, new PolitenessSettings(4, delay, true), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
  }

  /** Fetches {@code http://a.test/page/r1} to {@code r<count>}: with a delay each waits its turn, timed from robots.txt's. */
  private static List<CompletableFuture<FetchResult>> pages(HostScheduler scheduler, int count) {
    List<CompletableFuture<FetchResult>> pages = new ArrayList<>();
    for (int i = 1; i <= count; i++) pages.add(scheduler.fetch("http://a.test/page/r" + i));
    return pages;
  }

  private static void assertDisallowed(CompletableFuture<FetchResult> result) {
    FetchException e = HostSchedulerRetryTest.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(e.attempts()).isZero();
  }

  @Test
  void aHostsFirstPageFollowsItsRobotsTxtBeforeTheNextHostsRobotsTxt() {
    HostScheduler scheduler = scheduler(1);
    for (String host : new String[] {"a", "b", "c"}) scheduler.fetch("http://" + host + ".test/home");
    loop.runPending();

    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt", "http://a.test/home",
        "http://b.test/robots.txt", "http://b.test/home", "http://c.test/robots.txt", "http://c.test/home");
  }

  @Test
  void urlsItsRobotsTxtRefusesEndAsSoonAsItAnswersNotAfterTheHostsInLineForASlot() {
    mode.robots("http://a.test/robots.txt", body("http://a.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /\n"));
    mode.robots("http://b.test/robots.txt", held());  // takes the only slot once a's robots.txt frees it
    HostScheduler scheduler = scheduler(1);
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/x");
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/x");  // in line for the slot
    loop.runPending();

    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt", "http://b.test/robots.txt");
    assertThat(a).isCompletedExceptionally();
    assertThat(a.exceptionNow()).isInstanceOf(FetchException.class)
        .extracting(e -> ((FetchException) e).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(b).isNotDone();
  }

  @Test
  void aUrlTheRulesRefuseBehindAllowedOnesWaitingOutTheCrawlDelayEndsAsSoonAsTheRulesAreKnown() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"));
    HostScheduler scheduler = scheduler(4);
    List<CompletableFuture<FetchResult>> pages = pages(scheduler, 5);
    CompletableFuture<FetchResult> disallowed = scheduler.fetch("http://a.test/private/z");
    loop.runPending();

    assertDisallowed(disallowed);
    assertThat(pages).noneMatch(CompletableFuture::isDone);
    assertThat(mode.pageCalls()).isEmpty();  // the first page waits out the delay since robots.txt
    loop.advance(Duration.ofSeconds(5));
    assertThat(mode.pageCalls()).containsExactly("http://a.test/page/r1", "http://a.test/page/r2",
        "http://a.test/page/r3", "http://a.test/page/r4", "http://a.test/page/r5");
    assertThat(mode.callTimes("http://a.test/page/")).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5));
  }

  @Test
  void aUrlTheKnownRulesRefuseEndsAtOnceWhenQueuedBehindUrlsWaitingOutTheDelay() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
    HostScheduler scheduler = scheduler(4, Duration.ofSeconds(1));
    List<CompletableFuture<FetchResult>> pages = pages(scheduler, 3);
    loop.advance(Duration.ofSeconds(1));  // robots.txt at 0, r1 at 1 s; r2 and r3 wait their turn
    CompletableFuture<FetchResult> disallowed = scheduler.fetch("http://a.test/private/late");
    loop.runPending();

    assertDisallowed(disallowed);
    assertThat(pages.subList(1, 3)).noneMatch(CompletableFuture::isDone);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/page/r1");
  }

  @Test
  void aStopRecordsAUrlTheKnownRulesRefuseAsRobotsDisallowedNotCancelled() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
    HostScheduler scheduler = scheduler(4, Duration.ofSeconds(1));
    List<CompletableFuture<FetchResult>> pages = pages(scheduler, 3);
    CompletableFuture<FetchResult> disallowed = scheduler.fetch("http://a.test/private/z");
    loop.advance(Duration.ofSeconds(1));  // robots.txt at 0, r1 at 1 s; r2 and r3 wait their turn
    scheduler.stopStarting("SIGTERM");
    loop.runPending();

    assertDisallowed(disallowed);
    for (CompletableFuture<FetchResult> waiting : pages.subList(1, 3)) {
      assertThat(HostSchedulerRetryTest.failure(waiting).type()).isEqualTo(ErrorType.CANCELLED);
    }
    assertThat(mode.pageCalls()).containsExactly("http://a.test/page/r1");
  }

  @Test
  void aUrlComingAfterAStopThatTheKnownRulesRefuseEndsRobotsDisallowedAnAllowedOneCancelled() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
    HostScheduler scheduler = scheduler(4);
    scheduler.fetch("http://a.test/page/r1");
    loop.runPending();
    scheduler.stopStarting("SIGTERM");
    CompletableFuture<FetchResult> disallowed = scheduler.fetch("http://a.test/private/late");
    CompletableFuture<FetchResult> allowed = scheduler.fetch("http://a.test/page/late");
    loop.runPending();

    assertDisallowed(disallowed);
    assertThat(HostSchedulerRetryTest.failure(allowed).type()).isEqualTo(ErrorType.CANCELLED);
  }

  @Test
  void aRedirectHopTheArrivingRulesRefuseEndsAtOnceThoughAnAllowedHopAheadHoldsTheDelay() {
    CompletableFuture<FetchResult> robots = held();
    mode.robots("http://b.test/robots.txt", robots);
    mode.answer(u -> u.startsWith("http://a.test/")
        ? ScriptedMode.status(u, 302, "location", "http://b.test" + u.substring(13)) : ScriptedMode.ok(u));
    HostScheduler scheduler = scheduler(4, Duration.ofSeconds(1));
    CompletableFuture<FetchResult> allowed = scheduler.fetch("http://a.test/ok");
    CompletableFuture<FetchResult> refused = scheduler.fetch("http://a.test/private/hop");
    loop.advance(Duration.ofSeconds(2));  // a's pages at 1 s and 2 s; both hops wait for b's robots.txt
    robots.complete(body("http://b.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n").join());
    loop.runPending();

    FetchException e = HostSchedulerRetryTest.failure(refused);
    assertThat(e.type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(e.getMessage()).startsWith("redirected to http://b.test/private/hop, disallowed by http://b.test/robots.txt");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(allowed).isNotDone();  // its hop waits out b's Crawl-delay since its robots.txt
    assertThat(mode.pageCalls()).doesNotContain("http://b.test/private/hop");
  }
}
