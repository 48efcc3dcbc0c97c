package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A robots.txt answer that cannot be turned into rules (the parser throws, the heap cannot hold
 * it, or the rules throw when the host takes them): the host leaves its wait for robots.txt, and
 * its URLs, those waiting and those coming later, end instead of waiting for ever. Runs on the
 * production loop, as a run would.
 */
class HostSchedulerUnreadableRobotsTest {
  private static final String ROBOTS = "http://a.test/robots.txt";
  private final ExecutorEventLoop loop = new ExecutorEventLoop();
  /** Every URL the mode was asked for, robots.txt included; from the loop's thread and the test's. */
  private final Queue<String> calls = new ConcurrentLinkedQueue<>();

  @AfterEach
  void closeLoop() {
    loop.close();
  }

  /** a.test's robots.txt answer: 200, unless a test holds it; every other robots.txt answers 404. */
  private volatile CompletableFuture<FetchResult> robotsAnswer =
      body(ROBOTS, 200, "text/plain", "User-agent: *\nAllow: /\n");

  /** A scheduler whose robots.txt parser runs {@code parse}, which throws, on every body. */
  private HostScheduler schedulerWhoseParserThrows(Runnable parse) {
    return scheduler(8, new SimpleRobotRulesParser() {
      @Override
      public SimpleRobotRules parseContent(String url, byte[] content, String type, Collection<String> names) {
        parse.run();
        throw new AssertionError("parse did not throw");
      }
    });
  }

  /**
   * A scheduler whose robots.txt parser gives rules that read fine while robots.txt is read, but
   * whose Crawl-delay throws once a host takes them (a bug in the rules' own code).
   */
  private HostScheduler schedulerWhoseRulesThrowWhenTaken(int concurrency) {
    return scheduler(concurrency, new SimpleRobotRulesParser() {
      @Override
      public SimpleRobotRules parseContent(String url, byte[] content, String type, Collection<String> names) {
        return new SimpleRobotRules(RobotRulesMode.ALLOW_SOME) {
          @Override
          public long getCrawlDelay() {
            if (takenByAHost()) throw new IllegalStateException("rules bug");
            return super.getCrawlDelay();
          }
        };
      }
    });
  }

  private static boolean takenByAHost() {
    return StackWalker.getInstance()
        .walk(frames -> frames.anyMatch(frame -> frame.getClassName().equals(HostRobots.class.getName())));
  }

  private HostScheduler scheduler(int concurrency, SimpleRobotRulesParser parser) {
    SchedulerSettings settings = new SchedulerSettings(concurrency, new PolitenessSettings(4, Duration.ZERO, true),
        new RetrySettings(0, Duration.ZERO, Duration.ZERO), BreakerSettings.DEFAULTS, "crawlpipe/test");
    return new HostScheduler(this::answer, settings, loop, Clock.systemUTC(), new SplittableRandom(7),
        new RobotsPolicy("crawlpipe/test", parser));
  }

  private CompletableFuture<FetchResult> answer(String url) {
    calls.add(url);
    if (url.equals(ROBOTS)) return robotsAnswer;
    return url.endsWith("/robots.txt") ? status(url, 404) : ok(url);
  }

  private static void assertNotCrawled(CompletableFuture<FetchResult> result) {
    FetchException e = failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.attempts()).isZero();
    assertThat(e.getMessage()).contains(ROBOTS + " could not be turned into rules (")
        .contains("so the host is not crawled this run");
  }

  @Test
  void aParserThatThrowsEndsTheHostsLaterUrlsInsteadOfLeavingThemWaitingForRobotsTxt() {
    HostScheduler scheduler = schedulerWhoseParserThrows(() -> { throw new IllegalStateException("odd robots.txt"); });
    try (LogCapture log = LogCapture.debugOf(RobotsPolicy.class)) {
      CompletableFuture<FetchResult> first = scheduler.fetch("http://a.test/1");
      Conditions.await(first::isDone);
      CompletableFuture<FetchResult> later = scheduler.fetch("http://a.test/2");
      Conditions.await(later::isDone);

      assertNotCrawled(first);
      assertNotCrawled(later);
      assertThat(failure(later).getMessage()).contains("IllegalStateException: odd robots.txt");
      assertThat(log.lines()).anyMatch(line -> line.contains("could not be turned into rules")
          && line.contains("url=" + ROBOTS) && line.contains("odd robots.txt"));
    }
    assertThat(calls).containsExactly(ROBOTS);  // robots.txt is not asked again, no page is fetched
  }

  @Test
  void anErrorWhileReadingRobotsTxtEndsTheUrlsWaitingForItAndThoseThatComeLater() {
    HostScheduler scheduler = schedulerWhoseParserThrows(() -> { throw new OutOfMemoryError("Java heap space"); });
    CompletableFuture<FetchResult> first = scheduler.fetch("http://a.test/1");
    CompletableFuture<FetchResult> second = scheduler.fetch("http://a.test/2");
    Conditions.await(() -> first.isDone() && second.isDone());
    CompletableFuture<FetchResult> later = scheduler.fetch("http://a.test/3");
    Conditions.await(later::isDone);

    assertNotCrawled(first);
    assertNotCrawled(second);
    assertNotCrawled(later);
    assertThat(failure(later).getMessage()).contains("OutOfMemoryError: Java heap space");
    assertThat(calls).containsExactly(ROBOTS);
  }

  @Test
  void rulesThatThrowWhenTheHostTakesThemEndItsUrlsAndLeaveTheSlotToTheHostsInLine() {
    CompletableFuture<FetchResult> held = new CompletableFuture<>();
    robotsAnswer = held;
    HostScheduler scheduler = schedulerWhoseRulesThrowWhenTaken(1);
    CompletableFuture<FetchResult> first = scheduler.fetch("http://a.test/1");  // its robots.txt takes the one slot
    CompletableFuture<FetchResult> inLine = scheduler.fetch("http://b.test/1");
    CompletableFuture<Void> queued = new CompletableFuture<>();
    loop.execute(() -> queued.complete(null));
    Conditions.await(queued::isDone);  // both URLs are queued: b.test's stands in line for the slot
    held.complete(body(ROBOTS, 200, "text/plain", "User-agent: *\nAllow: /\n").join());
    Conditions.await(() -> first.isDone() && inLine.isDone());
    CompletableFuture<FetchResult> later = scheduler.fetch("http://a.test/2");
    Conditions.await(later::isDone);

    assertNotCrawled(first);
    assertNotCrawled(later);
    assertThat(failure(later).getMessage()).contains("IllegalStateException: rules bug");
    assertThat(inLine.join().status()).isEqualTo(200);
    assertThat(calls).containsExactly(ROBOTS, "http://b.test/robots.txt", "http://b.test/1");
  }
}
