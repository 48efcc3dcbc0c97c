package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RegexTimeBoundTest {
  private static final String HOSTILE_URL = "https://hostile.example/aaaa";

  private static RulesPageParser.Builder catastrophic() {
    String rules = "{\"rules\": [{\"name\": \"evil\", \"url\": \"*\", \"fields\": {\"x\": {\"regex\": \"(a+)+b\"}}}]}";
    return RulesPageParser.builder(RuleSet.parse(rules, "rules.json"));
  }

  private static Page hostilePage() {
    return new Page(HOSTILE_URL, "text/html", "a".repeat(30_000).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void catastrophicBacktrackingIsStoppedAtTheBound() {
    RulesPageParser parser = catastrophic().fieldTimeout(Duration.ofMillis(100)).build();

    assertThatThrownBy(() -> parser.parse(hostilePage()))
        .isInstanceOfSatisfying(ExtractTimeoutException.class, e -> {
          assertThat(e.url()).isEqualTo(HOSTILE_URL);
          assertThat(e.limit()).isEqualTo(Duration.ofMillis(100));
        })
        .isInstanceOf(ExtractionException.class)
        .hasMessage("rule \"evil\" field \"x\": regex ran longer than 100 ms: " + HOSTILE_URL);
  }

  @Test
  void boundIsMeasuredWithTheInjectedTicker() {
    AtomicLong nanos = new AtomicLong();
    RulesPageParser parser = catastrophic()
        .fieldTimeout(Duration.ofMillis(50))
        .nanoTicker(() -> nanos.addAndGet(1_000_000))
        .build();

    assertThatThrownBy(() -> parser.parse(hostilePage())).isInstanceOf(ExtractTimeoutException.class);
    assertThat(nanos.get()).isBetween(50_000_000L, 53_000_000L); // one more tick: the url patterns' own bound
  }

  private static RulesPageParser.Builder urlRule(String pattern) {
    String rules = "{\"rules\": [{\"name\": \"evil\", \"url\": \"regex:" + pattern + "\", \"fields\": {\"x\": {\"css\": \"p\"}}}]}";
    return RulesPageParser.builder(RuleSet.parse(rules, "rules.json"));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aUrlPatternThatBacktracksOnALongUrlIsStoppedAtTheBoundToo() {
    RulesPageParser parser = urlRule("https://h\\\\.test/(a+)+b").fieldTimeout(Duration.ofMillis(100)).build();
    String url = "https://h.test/" + "a".repeat(30_000);

    assertThatThrownBy(() -> parser.parse(new Page(url, "text/html", new byte[0])))
        .isInstanceOfSatisfying(ExtractTimeoutException.class, e -> assertThat(e.url()).isEqualTo(url))
        .hasMessageStartingWith("rule \"evil\": url patterns ran longer than 100 ms: ");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aGlobWithManyStarsIsBoundedTooAndTheRuleThatRanAwayIsNamed() {
    String rules = "{\"rules\": [{\"name\": \"plain\", \"url\": \"https://other.test/*\", \"fields\": {\"x\": {\"css\": \"p\"}}},"
        + "{\"name\": \"stars\", \"url\": \"https://h.test/" + "*a".repeat(12) + "*b\", \"fields\": {\"x\": {\"css\": \"p\"}}}]}";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).fieldTimeout(Duration.ofMillis(100)).build();
    String url = "https://h.test/" + "a".repeat(3_000);

    assertThatThrownBy(() -> parser.parse(new Page(url, "text/html", new byte[0])))
        .isInstanceOf(ExtractTimeoutException.class)
        .hasMessageStartingWith("rule \"stars\": url patterns ran longer than 100 ms: ");
  }

  @Test
  void aUrlPatternThatOverflowsTheStackFailsThePageNamingIt() {
    RulesPageParser parser = urlRule("https://h\\\\.test/\\\\?(a|b)*").build();
    String url = "https://h.test/?" + "ab".repeat(20_000);

    assertThatThrownBy(() -> parser.parse(new Page(url, "text/html", new byte[0])))
        .isExactlyInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("rule \"evil\": url pattern overflowed the stack: ");
  }

  @Test
  void ordinaryMatchesFinishWellInsideTheBound() {
    RulesPageParser parser = catastrophic().fieldTimeout(Duration.ofMillis(100)).build();
    Page page = new Page("https://example.com/", "text/html", "aab xab".getBytes(StandardCharsets.US_ASCII));

    assertThat(parser.parse(page).data().get("x")).isEqualTo(List.of("aa", "a"));
  }

  @Test
  void boundMustBePositive() {
    assertThatThrownBy(() -> catastrophic().fieldTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fieldTimeout must be > 0, was PT0S");
  }

  @Test
  void boundIsAtMost366DaysForItsDeadlineInNanosecondsNotToOverflow() {
    assertThatThrownBy(() -> catastrophic().fieldTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fieldTimeout must be at most 366 days, was " + Duration.ofSeconds(Long.MAX_VALUE));
    RulesPageParser longest = catastrophic().fieldTimeout(Duration.ofDays(366)).build();
    Page page = new Page("https://example.com/", "text/html", "aab".getBytes(StandardCharsets.US_ASCII));
    assertThat(longest.parse(page).data().get("x")).isEqualTo(List.of("aa"));
  }
}
