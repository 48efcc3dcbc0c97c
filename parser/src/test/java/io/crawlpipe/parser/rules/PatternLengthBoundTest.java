package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A regex or url pattern too long for Java to compile in reasonable time is refused before it tries. */
class PatternLengthBoundTest {
  /** Java's compiler had not finished with this literal after 10 minutes. */
  private static final String LITERAL = "a".repeat(2_000_000);

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRegexFieldLongerThanTenThousandCharactersIsRefused() {
    assertThat(loadError(oneRule("{\"x\": {\"regex\": \"" + LITERAL + "\"}}"))).isEqualTo("rules.json: rule \"r\" field \"x\": regex \""
        + "a".repeat(80) + "…" + "a".repeat(30) + "\" (2,000,000 characters) is longer than a regex may be (10,000 characters)");
    assertThat(RuleSet.parse(oneRule("{\"x\": {\"regex\": \"" + "a".repeat(10_000) + "\"}}"), "rules.json").rules()).hasSize(1);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aUrlPatternLongerThanTenThousandCharactersIsRefused() {
    assertThat(urlError("regex:" + LITERAL)).startsWith("rules.json: rule \"r\": url pattern \"regex:aaa")
        .endsWith("(2,000,006 characters) is longer than a url pattern may be (10,000 characters)");
    assertThat(urlError("https://a.example/" + LITERAL)).endsWith("is longer than a url pattern may be (10,000 characters)");
  }

  private static String urlError(String pattern) {
    return loadError("{\"rules\": [{\"name\": \"r\", \"url\": \"" + pattern + "\", \"fields\": {}}]}");
  }
}
