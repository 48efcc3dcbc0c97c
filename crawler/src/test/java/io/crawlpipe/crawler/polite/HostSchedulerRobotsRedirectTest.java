package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A robots.txt redirected to another host is a request to that host, under its limits, and one
 * redirected to another host's own robots.txt shares that host's fetch of it, whatever state that
 * fetch is in: not started (the redirect is that fetch), running (it waits), or done.
 */
@Timeout(10)
class HostSchedulerRobotsRedirectTest {
  private static final String A_ROBOTS = "http://a.test/robots.txt";
  private static final String B_ROBOTS = "http://b.test/robots.txt";
  private static final String B_RULES = "User-agent: *\nDisallow: /private\n";

  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private HostScheduler scheduler(int perHost, Duration delay) {
    return mode.scheduler(16, new PolitenessSettings(perHost, delay, true), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
  }

  private static CompletableFuture<FetchResult> redirect(String url, String location) {
    return status(url, 302, "location", location);
  }

  private static CompletableFuture<FetchResult> rules(String url, String robotsTxt) {
    return body(url, 200, "text/plain", robotsTxt);
  }

  private int calls(String url) {
    return Collections.frequency(mode.calls(), url);
  }

  private static void assertDisallowedBy(CompletableFuture<FetchResult> result, String robotsUrl) {
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(e.getMessage()).isEqualTo("disallowed by " + robotsUrl + " for crawlpipe");
  }

  @Test
  void robotsTxtsRedirectedToAHostsRobotsTxtWhileItIsFetchedWaitForThatOneFetch() {
    CompletableFuture<FetchResult> bRobots = held();
    mode.robots(B_ROBOTS, bRobots);
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, B_ROBOTS));
    mode.robots("http://c.test/robots.txt", redirect("http://c.test/robots.txt", B_ROBOTS));
    HostScheduler scheduler = scheduler(1, Duration.ZERO);
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/page");
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/page");
    CompletableFuture<FetchResult> aPrivate = scheduler.fetch("http://a.test/private/x");
    CompletableFuture<FetchResult> c = scheduler.fetch("http://c.test/page");
    loop.runPending();
    assertThat(mode.calls()).containsExactly(B_ROBOTS, A_ROBOTS, "http://c.test/robots.txt");

    bRobots.complete(rules(B_ROBOTS, B_RULES).join());
    loop.runPending();
    assertThat(calls(B_ROBOTS)).isEqualTo(1);
    assertThat(List.of(a, b, c)).allSatisfy(page -> assertThat(page.join().status()).isEqualTo(200));
    assertDisallowedBy(aPrivate, A_ROBOTS);  // b's rules, for a's robots.txt
  }

  @Test
  void aRobotsTxtRedirectedToAHostsRobotsTxtAlreadyKnownTakesItsAnswerWithoutARequest() {
    mode.robots(B_ROBOTS, rules(B_ROBOTS, B_RULES));
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, B_ROBOTS));
    HostScheduler scheduler = scheduler(4, Duration.ZERO);
    scheduler.fetch("http://b.test/page");
    loop.runPending();
    CompletableFuture<FetchResult> aPrivate = scheduler.fetch("http://a.test/private/x");
    loop.runPending();

    assertDisallowedBy(aPrivate, A_ROBOTS);
    assertThat(mode.calls()).containsExactly(B_ROBOTS, "http://b.test/page", A_ROBOTS);
  }

  @Test
  void aRobotsTxtRedirectedToAHostsRobotsTxtNotYetAskedForIsThatHostsOwnFetch() {
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, B_ROBOTS));
    mode.robots(B_ROBOTS, rules(B_ROBOTS, B_RULES));
    HostScheduler scheduler = scheduler(1, Duration.ofSeconds(1));
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/page");
    loop.runPending();
    assertThat(mode.calls()).containsExactly(A_ROBOTS, B_ROBOTS);  // b's first request: no delay to wait out

    CompletableFuture<FetchResult> bPrivate = scheduler.fetch("http://b.test/private/x");
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/page");
    loop.advance(Duration.ofSeconds(5));
    assertThat(calls(B_ROBOTS)).isEqualTo(1);
    assertDisallowedBy(bPrivate, B_ROBOTS);
    assertThat(mode.callTimes("http://b.test/page")).containsExactly(Duration.ofSeconds(1));  // b's delay since its robots.txt
    assertThat(mode.callTimes("http://a.test/page")).containsExactly(Duration.ofSeconds(1));
    assertThat(List.of(a, b)).allSatisfy(page -> assertThat(page.join().status()).isEqualTo(200));
  }

  @Test
  void aRobotsTxtHopToAnotherHostWaitsForThatHostsRequestInFlightUnderPerHostOne() {
    CompletableFuture<FetchResult> busy = held();
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, "http://cdn.test/a-robots.txt"));
    mode.answer(u -> u.equals("http://cdn.test/busy") ? busy
        : u.equals("http://cdn.test/a-robots.txt") ? rules(u, "User-agent: *\nDisallow: /private\n") : ok(u));
    HostScheduler scheduler = scheduler(1, Duration.ZERO);
    scheduler.fetch("http://cdn.test/busy");
    CompletableFuture<FetchResult> aPrivate = scheduler.fetch("http://a.test/private/x");
    loop.runPending();
    assertThat(mode.calls()).doesNotContain("http://cdn.test/a-robots.txt");

    busy.complete(ok("http://cdn.test/busy").join());
    loop.runPending();
    assertThat(mode.calls()).endsWith("http://cdn.test/busy", "http://cdn.test/a-robots.txt");
    assertDisallowedBy(aPrivate, A_ROBOTS);
  }

  @Test
  void aRobotsTxtHopToAnotherHostTakesThatHostsTurnAfterItsDelay() {
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, "http://cdn.test/a-robots.txt"));
    HostScheduler scheduler = scheduler(4, Duration.ofSeconds(2));
    CompletableFuture<FetchResult> cdn = scheduler.fetch("http://cdn.test/page");  // its robots.txt at 0
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/page");
    loop.advance(Duration.ofSeconds(10));

    assertThat(mode.callTimes("http://cdn.test/")).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(mode.calls()).containsSubsequence("http://cdn.test/a-robots.txt", "http://cdn.test/page");
    assertThat(List.of(a, cdn)).allSatisfy(page -> assertThat(page.join().status()).isEqualTo(200));
  }

  @Test
  void robotsTxtHopsWaitingOutAnotherHostsDelayHoldNoSlotSoAnUnrelatedHostStartsAtOnce() {
    List<String> origins = List.of("http://h1.test", "http://h2.test", "http://h3.test");
    origins.forEach(o -> mode.robots(o + "/robots.txt", redirect(o + "/robots.txt", "http://central.test/central.txt")));
    HostScheduler scheduler = mode.scheduler(2, new PolitenessSettings(1, Duration.ofSeconds(2), true),
        RetrySettings.DEFAULTS, BreakerSettings.DEFAULTS);
    List<CompletableFuture<FetchResult>> pages = new ArrayList<>();
    origins.forEach(o -> pages.add(scheduler.fetch(o + "/a")));
    pages.add(scheduler.fetch("http://unrelated.test/d"));
    loop.advance(Duration.ofSeconds(10));

    assertThat(mode.timesOf("http://unrelated.test/robots.txt")).containsExactly(Duration.ZERO);  // not behind central's delay
    assertThat(mode.timesOf("http://unrelated.test/d")).containsExactly(Duration.ofSeconds(2));  // its own delay after it
    assertThat(mode.callTimes("http://central.test/"))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4));  // the hops, under its delay
    assertThat(pages).allSatisfy(page -> assertThat(page.join().status()).isEqualTo(200));
  }

  @Test
  void aRedirectLoopBetweenTwoHostsRobotsTxtIsFollowedOnceForBothUpToFiveHopsAndAllowsEverything() {
    mode.robots(A_ROBOTS, redirect(A_ROBOTS, B_ROBOTS));
    mode.robots(B_ROBOTS, redirect(B_ROBOTS, A_ROBOTS));
    HostScheduler scheduler = scheduler(1, Duration.ZERO);
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/private/x");
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/private/x");
    loop.runPending();

    assertThat(List.of(a, b)).allSatisfy(page -> assertThat(page.join().status()).isEqualTo(200));
    // each host's own robots.txt, then b's fetch round the loop to its fifth hop; a's waits for it
    assertThat(mode.calls().stream().filter(u -> u.endsWith("/robots.txt")).toList())
        .containsExactly(A_ROBOTS, B_ROBOTS, A_ROBOTS, B_ROBOTS, A_ROBOTS, B_ROBOTS, A_ROBOTS);
  }
}
