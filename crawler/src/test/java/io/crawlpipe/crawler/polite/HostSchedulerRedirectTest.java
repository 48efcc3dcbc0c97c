package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.NOW;
import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.error;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Redirects are followed by the scheduler, hop by hop, under the target host's robots.txt and limits. */
@Timeout(10)
class HostSchedulerRedirectTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);
  private final Map<String, Integer> calls = new HashMap<>();

  private HostScheduler scheduler(int perHost, Duration delay, boolean robots) {
    return mode.scheduler(16, new PolitenessSettings(perHost, delay, robots), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
  }

  private static CompletableFuture<FetchResult> redirect(String url, String location) {
    return status(url, 302, "location", location);
  }

  @Test
  void aRedirectToAPathRobotsTxtDisallowsIsNeverFetched() {
    mode.robots("http://a.test/robots.txt", body("http://a.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /private\n"));
    mode.answer(u -> u.endsWith("/start") ? redirect(u, "/private/page") : ok(u));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, true).fetch("http://a.test/start");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(e.getMessage()).startsWith("redirected to http://a.test/private/page, disallowed by");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/start");
  }

  @Test
  void aRedirectToAnotherHostAsksThatHostsRobotsTxtFirstAndObeysIt() {
    mode.robots("http://b.test/robots.txt", body("http://b.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /private\n"));
    mode.answer(u -> u.startsWith("http://a.test/") ? redirect(u, "http://b.test" + u.substring(13)) : ok(u));
    HostScheduler scheduler = scheduler(4, Duration.ZERO, true);
    CompletableFuture<FetchResult> open = scheduler.fetch("http://a.test/open");
    CompletableFuture<FetchResult> closed = scheduler.fetch("http://a.test/private/x");
    loop.runPending();
    assertThat(open.join().finalUrl()).isEqualTo("http://b.test/open");
    assertThat(ScriptedMode.failure(closed).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(mode.calls()).containsSubsequence("http://b.test/robots.txt", "http://b.test/open")
        .doesNotContain("http://b.test/private/x");
  }

  @Test
  void aHopWaitsForItsHostsPerHostLimit() {
    List<CompletableFuture<FetchResult>> heldReplies = new ArrayList<>();
    mode.answer(u -> {
      if (u.startsWith("http://a.test/")) return redirect(u, "http://b.test/from-a");
      CompletableFuture<FetchResult> reply = held();
      heldReplies.add(reply);
      return reply;
    });
    HostScheduler scheduler = scheduler(1, Duration.ZERO, false);
    scheduler.fetch("http://b.test/busy");
    CompletableFuture<FetchResult> redirected = scheduler.fetch("http://a.test/start");
    loop.runPending();
    assertThat(mode.pageCalls()).containsExactly("http://b.test/busy", "http://a.test/start");
    heldReplies.getFirst().complete(ok("http://b.test/busy").join());
    loop.runPending();
    assertThat(mode.pageCalls()).endsWith("http://b.test/from-a");
    heldReplies.getLast().complete(ok("http://b.test/from-a").join());
    loop.runPending();
    assertThat(redirected.join().finalUrl()).isEqualTo("http://b.test/from-a");
  }

  @Test
  void hopsWaitingForOneHostGoInTheOrderTheyCameBeforeItsNewUrls() {
    List<CompletableFuture<FetchResult>> heldReplies = new ArrayList<>();
    mode.answer(u -> {
      if (u.startsWith("http://a.test/")) return redirect(u, "http://b.test/hop-" + u.substring(14));
      CompletableFuture<FetchResult> reply = held();
      heldReplies.add(reply);
      return reply;
    });
    HostScheduler scheduler = scheduler(1, Duration.ZERO, false);
    scheduler.fetch("http://b.test/busy");
    loop.runPending();
    for (int i = 1; i <= 3; i++) {
      scheduler.fetch("http://a.test/" + i);
      loop.runPending();
    }
    scheduler.fetch("http://b.test/new");
    loop.runPending();
    for (int i = 0; i < 5; i++) {
      heldReplies.get(i).complete(ok("http://b.test/").join());
      loop.runPending();
    }
    assertThat(mode.pageCalls().stream().filter(u -> u.startsWith("http://b.test/")).toList()).containsExactly(
        "http://b.test/busy", "http://b.test/hop-1", "http://b.test/hop-2", "http://b.test/hop-3", "http://b.test/new");
  }

  @Test
  void aSameHostHopWaitsOutTheHostsDelay() {
    mode.answer(u -> u.endsWith("/start") ? redirect(u, "/target") : ok(u));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ofSeconds(2), false).fetch("http://a.test/start");
    loop.advance(Duration.ofMillis(1_999));
    assertThat(result).isNotDone();
    loop.advance(Duration.ofMillis(1));
    assertThat(result.join().status()).isEqualTo(200);
    assertThat(mode.callTimes("http://a.test/")).containsExactly(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void hopsAreOneAttemptAnsweringTheOriginalUrlWithTheirRequestsTime() {
    mode.answer(u -> switch (u.substring(u.lastIndexOf('/') + 1)) {
      case "a" -> redirect(u, "/b");
      case "b" -> redirect(u, "http://c.test/c");
      default -> ok(u);
    });
    CompletableFuture<FetchResult> answer = scheduler(4, Duration.ZERO, false).fetch("http://a.test/a");
    loop.runPending();
    FetchResult result = answer.join();
    assertThat(result.url()).isEqualTo("http://a.test/a");
    assertThat(result.finalUrl()).isEqualTo("http://c.test/c");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.elapsedMs()).isEqualTo(3); // each scripted request took 1 ms
    assertThat(result.fetchedAt()).isEqualTo(NOW);
  }

  @Test
  void aRedirectedRobotsTxtsNextHopWaitsForTheHostsDelay() {
    mode.robots("http://a.test/robots.txt", redirect("http://a.test/robots.txt", "/real-robots.txt"));
    mode.answer(u -> u.endsWith("/real-robots.txt") ? body(u, 200, "text/plain", "User-agent: *\nDisallow:\n") : ok(u));
    CompletableFuture<FetchResult> page = scheduler(4, Duration.ofSeconds(2), true).fetch("http://a.test/page");
    loop.advance(Duration.ofSeconds(10));
    assertThat(mode.callTimes("http://a.test/real-robots.txt")).containsExactly(Duration.ofSeconds(2));
    assertThat(mode.callTimes("http://a.test/page")).containsExactly(Duration.ofSeconds(4));
    assertThat(page.join().status()).isEqualTo(200);
  }

  @Test
  void moreRedirectsThanTheLimitFailWithTooManyRedirects() {
    mode.answer(u -> redirect(u, u + "x"));  // a chain of new URLs, no loop
    HostScheduler scheduler = new HostScheduler(mode, new SchedulerSettings(16,
        new PolitenessSettings(4, Duration.ZERO, false), RetrySettings.DEFAULTS, BreakerSettings.DEFAULTS, "t/1", 3),
        loop, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/loop");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_REDIRECTS);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).startsWith("more than 3 redirects");
    assertThat(mode.pageCalls()).hasSize(4);
  }

  @Test
  void aRedirectBackToWhereTheChainHasBeenFailsAtOnceAsALoop() {
    mode.answer(u -> redirect(u, u.endsWith("/a") ? "/b" : "/a"));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/a");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_REDIRECTS);
    assertThat(e.getMessage()).isEqualTo("redirect loop: redirect 2 leads back to http://a.test/a, already requested");
    assertThat(mode.pageCalls()).containsExactly("http://a.test/a", "http://a.test/b");  // not round until the limit
  }

  @Test
  void aPageRedirectingToItselfIsRequestedOnce() {
    mode.answer(u -> redirect(u, "/self"));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/self");
    loop.runPending();
    assertThat(ScriptedMode.failure(result).getMessage()).startsWith("redirect loop: redirect 1 leads back to http://a.test/self");
    assertThat(mode.pageCalls()).containsExactly("http://a.test/self");
  }

  @Test
  void aLocationThatIsNoHttpUrlFailsAsIoWithoutARetry() {
    mode.answer(u -> redirect(u, "ftp://files.test/x"));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/x");
    loop.advance(Duration.ofMinutes(1));
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("ftp://files.test/x");
    assertThat(mode.pageCalls()).hasSize(1);
  }

  @Test
  void aHopThatFailsTransientlyIsRetriedAtTheHop() {
    mode.answer(u -> {
      if (u.endsWith("/start")) return redirect(u, "/target");
      return calls.merge(u, 1, Integer::sum) == 1 ? error(u, ErrorType.TIMEOUT) : ok(u);
    });
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/start");
    loop.advance(Duration.ofMinutes(1));
    assertThat(result.join().finalUrl()).isEqualTo("http://a.test/target");
    assertThat(result.join().attempts()).isEqualTo(2);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/start", "http://a.test/target", "http://a.test/target");
  }

  @Test
  void aRedirectedRobotsTxtIsFollowedAndItsRulesApply() {
    mode.robots("http://a.test/robots.txt", redirect("http://a.test/robots.txt", "http://cdn.test/a-robots.txt"));
    mode.answer(u -> u.equals("http://cdn.test/a-robots.txt")
        ? body(u, 200, "text/plain", "User-agent: *\nDisallow: /private\n") : ok(u));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, true).fetch("http://a.test/private/x");
    loop.runPending();
    assertThat(ScriptedMode.failure(result).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt", "http://cdn.test/a-robots.txt");
  }

  @Test
  void aRobotsTxtRedirectThatCannotBeFetchedNamesItsTargetNotTheHost() {
    mode.robots("http://a.test/robots.txt", redirect("http://a.test/robots.txt", "http://b.test/robots.txt"));
    mode.robots("http://b.test/robots.txt", CompletableFuture.failedFuture(new FetchException("http://b.test/robots.txt",
        ErrorType.CONNECT, "connect to 127.0.0.2:80: Connection refused", null)));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, true).fetch("http://a.test/page");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(e.getMessage()).isEqualTo("http://a.test/robots.txt redirected to http://b.test/robots.txt, which could"
        + " not be fetched (connect: connect to 127.0.0.2:80: Connection refused), so the host is not crawled this run");
  }

  @Test
  void aFailureAtARedirectsHopNamesTheHop() {
    mode.answer(u -> u.endsWith("/start") ? redirect(u, "http://b.test/closemid") : CompletableFuture.failedFuture(
        new FetchException(u, ErrorType.IO, "connection closed with 992 bytes of the body unread", null)));
    HostScheduler scheduler = mode.scheduler(16, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1)), BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/start");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage())
        .isEqualTo("redirected to http://b.test/closemid: connection closed with 992 bytes of the body unread");
  }

  @Test
  void aLocationsUserInfoIsDroppedFromTheHopAndTheFinalUrlButItsFragmentKept() {
    mode.answer(u -> u.startsWith("http://a.test/") ? redirect(u, "http://bob:hunter2@b.test/page#top") : ok(u));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/start");
    loop.runPending();
    assertThat(result.join().finalUrl()).isEqualTo("http://b.test/page#top");
    assertThat(mode.pageCalls()).containsExactly("http://a.test/start", "http://b.test/page#top");
  }

  @Test
  void noMessageAboutAHopRepeatsItsLocationsUserInfo() {
    mode.robots("http://b.test/robots.txt", body("http://b.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /private\n"));
    mode.answer(u -> switch (u.substring(u.lastIndexOf('/') + 1)) {
      case "disallowed" -> redirect(u, "http://bob:hunter2@b.test/private/x");
      case "failing" -> redirect(u, "http://bob:hunter2@b.test/fails");
      case "unusable" -> redirect(u, "ftp://bob:hunter2@files.test/x");
      default -> CompletableFuture.failedFuture(new FetchException(u, ErrorType.IO, "connection reset", null));
    });
    HostScheduler scheduler = mode.scheduler(16, new PolitenessSettings(4, Duration.ZERO, true),
        new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1)), BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> disallowed = scheduler.fetch("http://a.test/disallowed");
    CompletableFuture<FetchResult> failing = scheduler.fetch("http://a.test/failing");
    CompletableFuture<FetchResult> unusable = scheduler.fetch("http://a.test/unusable");
    loop.runPending();
    assertThat(ScriptedMode.failure(disallowed).getMessage()).startsWith("redirected to http://b.test/private/x, disallowed by");
    assertThat(ScriptedMode.failure(failing).getMessage()).isEqualTo("redirected to http://b.test/fails: connection reset");
    assertThat(ScriptedMode.failure(unusable).getMessage()).isEqualTo("redirect to an unusable location: ftp://files.test/x");
  }

  @Test
  void aStopCancelsAQueuedHopCountingItsAttemptAndNamingTheRedirect() {
    CompletableFuture<FetchResult> busyReply = held();
    mode.answer(u -> u.startsWith("http://a.test/") ? redirect(u, "http://b.test/hop") : busyReply);
    HostScheduler scheduler = scheduler(1, Duration.ZERO, false);
    scheduler.fetch("http://b.test/busy");
    CompletableFuture<FetchResult> redirected = scheduler.fetch("http://a.test/start");
    loop.runPending();
    scheduler.stopStarting("SIGTERM");
    loop.runPending();
    FetchException e = ScriptedMode.failure(redirected);
    assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).isEqualTo("run stopped (SIGTERM) before this URL's redirect to http://b.test/hop was fetched");
    assertThat(mode.pageCalls()).doesNotContain("http://b.test/hop");
  }

  @Test
  void aHopTheModeCancelsUnsentStillCountsItsAttempt() {
    mode.answer(u -> u.endsWith("/start") ? redirect(u, "/hop")
        : CompletableFuture.failedFuture(new FetchException(u, ErrorType.CANCELLED, "not sent to a worker", null, 0)));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, false).fetch("http://a.test/start");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void aRobotsTxtRedirectAnsweredAfterAStopIsNotFollowed() {
    CompletableFuture<FetchResult> robots = held();
    mode.robots("http://a.test/robots.txt", robots);
    HostScheduler scheduler = scheduler(4, Duration.ZERO, true);
    CompletableFuture<FetchResult> page = scheduler.fetch("http://a.test/page");
    loop.runPending();
    scheduler.stopStarting("SIGTERM");
    loop.runPending();
    robots.complete(redirect("http://a.test/robots.txt", "http://cdn.test/robots.txt").join());
    loop.runPending();
    assertThat(ScriptedMode.failure(page).type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt");
  }

  @Test
  void aUrlNeverFetchedIsDatedWhenSubmittedWithNoTimeSpent() {
    mode.robots("http://a.test/robots.txt", body("http://a.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /\n"));
    CompletableFuture<FetchResult> result = scheduler(4, Duration.ZERO, true).fetch("http://a.test/x");
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.attempts()).isZero();
    assertThat(e.fetchedAt()).isEqualTo(NOW);
    assertThat(e.elapsedMs()).isZero();
  }
}
