package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.HostSchedulerRetryTest.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.error;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** robots.txt and the circuit breaker: the ways a URL ends without being fetched. */
class HostSchedulerGuardsTest {
  private static final String ROBOTS = "http://a.test/robots.txt";
  private static final RetrySettings NO_RETRIES = new RetrySettings(0, Duration.ZERO, Duration.ZERO);
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private HostScheduler scheduler(int perHost, boolean obeyRobots, BreakerSettings breaker) {
    return mode.scheduler(8, new PolitenessSettings(perHost, Duration.ZERO, obeyRobots), NO_RETRIES, breaker);
  }

  private HostScheduler scheduler() {
    return scheduler(4, true, BreakerSettings.DEFAULTS);
  }

  private List<CompletableFuture<FetchResult>> fetchAll(HostScheduler scheduler, String... urls) {
    List<CompletableFuture<FetchResult>> results = new ArrayList<>();
    for (String url : urls) results.add(scheduler.fetch(url));
    loop.runPending();
    return results;
  }

  @Test
  void urlsDisallowedByRobotsTxtAreNotFetched() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /private\n"));
    var results = fetchAll(scheduler(), "http://a.test/private/1", "http://a.test/public");
    assertThat(failure(results.get(0)).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(failure(results.get(0)).attempts()).isZero();
    assertThat(failure(results.get(0)).getMessage()).contains(ROBOTS);
    assertThat(results.get(1).join().status()).isEqualTo(200);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/public");
  }

  @Test
  void robotsGroupForOurProductTokenWinsOverTheWildcard() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: crawlpipe\nDisallow: /\n\nUser-agent: *\nAllow: /\n"));
    var results = fetchAll(scheduler(), "http://a.test/page");
    assertThat(failure(results.get(0)).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
  }

  @Test
  void missingRobotsTxtAllowsEverything() {
    mode.robots(ROBOTS, status(ROBOTS, 404));
    var results = fetchAll(scheduler(), "http://a.test/any");
    assertThat(results.get(0).join().status()).isEqualTo(200);
  }

  @Test
  void robotsTxtServerErrorOrNoAnswerKeepsTheWholeHostUncrawled() {
    mode.robots(ROBOTS, status(ROBOTS, 503));
    mode.robots("http://b.test/robots.txt", error("http://b.test/robots.txt", ErrorType.TIMEOUT));
    var results = fetchAll(scheduler(), "http://a.test/x", "http://b.test/y");
    assertThat(failure(results.get(0)).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    // no answer at all: the host is the problem, so its URLs carry the transport error's type
    assertThat(failure(results.get(1)).type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(failure(results.get(1)).getMessage()).contains("robots.txt could not be fetched");
    assertThat(mode.pageCalls()).isEmpty();
  }

  @Test
  void robotsTxtIsFetchedOncePerHostWhileTheFirstUrlsWaitForIt() {
    CompletableFuture<FetchResult> robots = held();
    mode.robots(ROBOTS, robots);
    HostScheduler scheduler = scheduler();
    var results = fetchAll(scheduler, "http://a.test/1", "http://a.test/2", "http://a.test/3");
    assertThat(mode.calls()).containsExactly(ROBOTS);
    robots.complete(status(ROBOTS, 404).join());
    loop.runPending();
    results.addAll(fetchAll(scheduler, "http://a.test/4"));
    assertThat(results).allSatisfy(r -> assertThat(r).isCompleted());
    assertThat(mode.calls()).filteredOn(u -> u.endsWith("/robots.txt")).hasSize(1);
  }

  @Test
  void crawlDelayRaisesTheDelayBetweenStarts() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nCrawl-delay: 5\n"));
    fetchAll(scheduler(), "http://a.test/1", "http://a.test/2");
    loop.advance(Duration.ofSeconds(20));
    assertThat(mode.callTimes("http://a.test/")).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void ignoringRobotsFetchesNoRobotsTxt() {
    mode.robots(ROBOTS, body(ROBOTS, 200, "text/plain", "User-agent: *\nDisallow: /\n"));
    var results = fetchAll(scheduler(4, false, BreakerSettings.DEFAULTS), "http://a.test/x");
    assertThat(results.get(0).join().status()).isEqualTo(200);
    assertThat(mode.calls()).containsExactly("http://a.test/x");
  }

  @Test
  void circuitOpensAfterConsecutiveFailuresAndTheRestFailFast() {
    mode.answer(u -> status(u, 500));
    HostScheduler scheduler = scheduler(1, true, new BreakerSettings(3, Duration.ofSeconds(30)));
    List<CompletableFuture<FetchResult>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) results.addAll(fetchAll(scheduler, "http://a.test/" + i));
    assertThat(mode.pageCalls()).hasSize(3);
    assertThat(results.subList(0, 3)).allSatisfy(r -> assertThat(r.join().status()).isEqualTo(500));
    assertThat(results.subList(3, 10)).allSatisfy(r -> {
      assertThat(failure(r).type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
      assertThat(failure(r).attempts()).isZero();
    });
  }

  @Test
  void circuitHalfOpensAfterTheCooldownAndATrialSuccessClosesIt() {
    AtomicBoolean healthy = new AtomicBoolean(false);
    mode.answer(u -> healthy.get() ? ok(u) : error(u, ErrorType.CONNECT));
    HostScheduler scheduler = scheduler(4, false, new BreakerSettings(2, Duration.ofSeconds(30)));
    fetchAll(scheduler, "http://a.test/1", "http://a.test/2");
    assertThat(failure(fetchAll(scheduler, "http://a.test/3").get(0)).type()).isEqualTo(ErrorType.CIRCUIT_OPEN);

    loop.advance(Duration.ofSeconds(29));
    assertThat(failure(fetchAll(scheduler, "http://a.test/3b").get(0)).type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
    loop.advance(Duration.ofSeconds(1).plusMillis(1));  // the cool-down has passed
    healthy.set(true);
    var afterCooldown = fetchAll(scheduler, "http://a.test/4", "http://a.test/5", "http://a.test/6");
    assertThat(afterCooldown).allSatisfy(r -> assertThat(r.join().status()).isEqualTo(200));
    assertThat(mode.pageCalls()).hasSize(5);
  }

  @Test
  void failedTrialReopensTheCircuitAndOtherUrlsWaitForTheTrial() {
    mode.answer(u -> error(u, ErrorType.TIMEOUT));
    HostScheduler scheduler = scheduler(4, false, new BreakerSettings(1, Duration.ofSeconds(10)));
    fetchAll(scheduler, "http://a.test/1");
    loop.advance(Duration.ofSeconds(10).plusMillis(1));
    CompletableFuture<FetchResult> trialReply = held();
    mode.answer(u -> trialReply);
    var results = fetchAll(scheduler, "http://a.test/2", "http://a.test/3");
    assertThat(mode.pageCalls()).hasSize(2);
    assertThat(results.get(1)).isNotDone();
    trialReply.completeExceptionally(failure(error("http://a.test/2", ErrorType.TIMEOUT)));
    loop.runPending();
    assertThat(failure(results.get(0)).type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(failure(results.get(1)).type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
  }
}
