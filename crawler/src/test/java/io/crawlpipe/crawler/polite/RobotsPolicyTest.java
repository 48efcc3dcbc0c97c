package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class RobotsPolicyTest {
  private static final String ROBOTS = "http://a.test/robots.txt";
  private final RobotsPolicy policy = new RobotsPolicy("crawlpipe/0.1.0");

  private HostRobots rules(int status, String body) {
    FetchResult result = new FetchResult(ROBOTS, ROBOTS, status, "text/plain", Map.of(),
        body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, 1, 1);
    return policy.rules(ROBOTS, result, null);
  }

  @Test
  void disallowRulesOfTheWildcardGroupApply() {
    HostRobots rules = rules(200, "User-agent: *\nDisallow: /private\n");
    assertThat(rules.isAllowed("http://a.test/private/page")).isFalse();
    assertThat(rules.isAllowed("http://a.test/public")).isTrue();
  }

  @Test
  void anHtmlPageServedAsRobotsTxtAllowsEverythingAndLogsNothing() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    try {
      HostRobots rules = rules(200, "<title>Not here</title>\n<p>Sorry, no such page.</p>\n");
      assertThat(rules.isAllowed("http://a.test/page")).isTrue();
    } finally {
      root.detachAppender(events);
    }
    // RobotsPolicy's own -v line that the rules loaded aside, nothing: crawler-commons' warnings are quieted
    assertThat(events.list.stream().filter(e -> !e.getLoggerName().equals(RobotsPolicy.class.getName())))
        .as("log events (the shipped logback.xml quiets crawler-commons' warnings)").isEmpty();
  }

  @Test
  void ourOwnGroupIsMatchedOnTheProductToken() {
    HostRobots rules = rules(200, "User-agent: crawlpipe\nDisallow: /mine\n\nUser-agent: *\nDisallow: /\n");
    assertThat(rules.isAllowed("http://a.test/page")).isTrue();
    assertThat(rules.isAllowed("http://a.test/mine")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404, 410})
  void clientErrorsAllowEverything(int status) {
    assertThat(rules(status, "User-agent: *\nDisallow: /\n").isAllowed("http://a.test/x")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void serverErrorsAndTooManyRequestsDisallowEverything(int status) {
    assertThat(rules(status, "").isAllowed("http://a.test/x")).isFalse();
  }

  @Test
  void noResponseKeepsTheWholeHostUncrawledWithTheTransportErrorType() {
    HostRobots rules = policy.rules(ROBOTS, null, new FetchException(ROBOTS, ErrorType.CONNECT, "refused", null));
    assertThat(rules.isAllowed("http://a.test/")).isFalse();
    assertThat(rules.refusal()).isEqualTo(ErrorType.CONNECT);
  }

  @Test
  void crawlDelayIsReadAndAnExcessiveOneDisallowsTheHostSayingSo() {
    assertThat(rules(200, "User-agent: *\nCrawl-delay: 3\n").crawlDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rules(200, "User-agent: *\nDisallow:\n").crawlDelay()).isZero();
    HostRobots slow = rules(200, "User-agent: *\nCrawl-delay: 3600\n");
    assertThat(slow.isAllowed("http://a.test/")).isFalse();
    assertThat(slow.disallowedBecause()).contains("Crawl-delay of 3600 s");
  }

  @Test
  void theReasonGivenSaysWhetherRobotsTxtDisallowedOrCouldNotBeRead() {
    assertThat(rules(200, "User-agent: *\nDisallow: /\n").disallowedBecause())
        .isEqualTo("disallowed by " + ROBOTS + " for crawlpipe");
    assertThat(rules(503, "").disallowedBecause()).isEqualTo(ROBOTS + " answered 503, so the host is disallowed for this run");
    HostRobots unreachable =
        policy.rules(ROBOTS, null, new FetchException(ROBOTS, ErrorType.CONNECT, "Connection refused", null));
    assertThat(unreachable.disallowedBecause()).contains("could not be fetched (connect: Connection refused)");
    assertThat(unreachable.refusal()).isEqualTo(ErrorType.CONNECT);
    assertThat(rules(503, "").refusal()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
  }

  @Test
  void aRobotsFetchThatFailedWithoutAFetchExceptionFailsTheHostAsInternalInPlainWords() {
    HostRobots broken = policy.rules(ROBOTS, null,
        new IllegalStateException("the default trust store could not be loaded: the file ends early"));
    assertThat(broken.refusal()).isEqualTo(ErrorType.INTERNAL);
    assertThat(broken.isAllowed("http://a.test/")).isFalse();
    assertThat(broken.disallowedBecause()).isEqualTo(ROBOTS + " could not be fetched (internal: the default trust store"
        + " could not be loaded: the file ends early), so the host is not crawled this run");
  }

  @Test
  void aWorkersInternalRobotsFailureReadsAsTheSameFailureDoesInThisJvm() {
    HostRobots broken = policy.rules(ROBOTS, null, new FetchException(ROBOTS, ErrorType.INTERNAL,
        "IllegalStateException: the default trust store could not be loaded: the file ends early", null));
    assertThat(broken.refusal()).isEqualTo(ErrorType.INTERNAL);
    assertThat(broken.disallowedBecause()).isEqualTo(ROBOTS + " could not be fetched (internal: the default trust store"
        + " could not be loaded: the file ends early), so the host is not crawled this run");
  }

  @Test
  void anAgentWithDigitsOrDotsInItsNameObeysItsOwnGroupAndNoOther() {
    String body = "User-agent: MJ12bot\nDisallow: /mj\n\nUser-agent: bot2000\nDisallow: /b2k\n\n"
        + "User-agent: *\nDisallow: /star\n";
    FetchResult result = new FetchResult(ROBOTS, ROBOTS, 200, "text/plain", Map.of(),
        body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, 1, 1);
    HostRobots mj = new RobotsPolicy("MJ12bot/v1.4.8").rules(ROBOTS, result, null);
    assertThat(mj.isAllowed("http://a.test/mj")).isFalse();
    assertThat(mj.isAllowed("http://a.test/star")).isTrue();
    HostRobots other = new RobotsPolicy("Bot2001/1.0").rules(ROBOTS, result, null);
    assertThat(other.isAllowed("http://a.test/b2k")).isTrue();
    assertThat(other.isAllowed("http://a.test/star")).isFalse();
  }

  @Test
  void aRobotsTxtThatLoadedIsLoggedAtDebugWithItsRulesAndCrawlDelay() {
    try (LogCapture log = LogCapture.debugOf(RobotsPolicy.class)) {
      rules(200, "User-agent: *\nDisallow: /a\nDisallow: /b\nCrawl-delay: 2\n");
      rules(404, "");
      assertThat(log.lines()).containsExactly(
          "robots.txt loaded url=" + ROBOTS + " status=200: 2 rules, Crawl-delay 2s",
          "robots.txt loaded url=" + ROBOTS + " status=404: no rules, everything allowed");
    }
  }

  @Test
  void aFailureWhoseOwnMessageThrowsStillEndsTheHostWithAReasonNamingItsClass() {
    RuntimeException buggy = new BuggyMessageException();
    HostRobots verdict = RobotsPolicy.unusable("http://a.test/robots.txt", buggy);
    assertThat(verdict.refusal()).isEqualTo(ErrorType.INTERNAL);
    assertThat(verdict.rules().isAllowNone()).isTrue();
    assertThat(verdict.disallowedBecause()).contains(BuggyMessageException.class.getName() + " (its message could not be read)");
    assertThat(RobotsPolicy.stranded("http://a.test/robots.txt", buggy).problem())
        .contains(BuggyMessageException.class.getName());
  }

  /** An exception as buggy as the code that threw it: reading its message throws. */
  private static final class BuggyMessageException extends RuntimeException {
    @Override
    public String getMessage() {
      throw new IllegalStateException("no message");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("no text");
    }
  }
}
