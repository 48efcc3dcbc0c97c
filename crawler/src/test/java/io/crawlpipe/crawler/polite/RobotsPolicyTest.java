package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
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

class RobotsPolicyTest {
  private static final String ROBOTS = "http://a.test/robots.txt";
  private final RobotsPolicy policy = new RobotsPolicy("crawlpipe/0.1.0");

  private BaseRobotRules rules(int status, String body) {
    FetchResult result = new FetchResult(ROBOTS, ROBOTS, status, "text/plain", Map.of(),
        body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, 1, 1);
    return policy.rules(ROBOTS, result, null);
  }

  @Test
  void disallowRulesOfTheWildcardGroupApply() {
    BaseRobotRules rules = rules(200, "User-agent: *\nDisallow: /private\n");
    assertThat(rules.isAllowed("http://a.test/private/page")).isFalse();
    assertThat(rules.isAllowed("http://a.test/public")).isTrue();
  }

  @Test
  void ourOwnGroupIsMatchedOnTheProductToken() {
    BaseRobotRules rules = rules(200, "User-agent: crawlpipe\nDisallow: /mine\n\nUser-agent: *\nDisallow: /\n");
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
  void noResponseDisallowsEverything() {
    BaseRobotRules rules = policy.rules(ROBOTS, null, new FetchException(ROBOTS, ErrorType.CONNECT, "refused", null));
    assertThat(rules.isAllowed("http://a.test/")).isFalse();
  }

  @Test
  void crawlDelayIsReadAndAnExcessiveOneDisallowsTheHost() {
    assertThat(RobotsPolicy.crawlDelay(rules(200, "User-agent: *\nCrawl-delay: 3\n"))).isEqualTo(Duration.ofSeconds(3));
    assertThat(RobotsPolicy.crawlDelay(rules(200, "User-agent: *\nDisallow:\n"))).isZero();
    assertThat(rules(200, "User-agent: *\nCrawl-delay: 3600\n").isAllowed("http://a.test/")).isFalse();
  }

  @Test
  void productTokenIsTheUserAgentUpToItsVersion() {
    assertThat(RobotsPolicy.productToken("crawlpipe/0.1.0")).isEqualTo("crawlpipe");
    assertThat(RobotsPolicy.productToken("My_Bot (+https://example.org)")).isEqualTo("my_bot");
    assertThat(RobotsPolicy.productToken("1234")).isEqualTo("crawlpipe");
  }
}
