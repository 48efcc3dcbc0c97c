package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A {@link UrlPattern} is its spec: equal to another written alike, and never given a regex of another spec. */
class UrlPatternsWrittenAlikeAreEqualTest {
  private static final String RULES = """
      {"rules": [{"name": "a", "url": "https://a.test/*", "fields": {}},
                 {"name": "b", "url": "regex:https://b\\\\.test/\\\\d+", "fields": {}}]}""";

  @Test
  void patternsAndRuleSetsParsedFromTheSameTextAreEqual() {
    for (String spec : new String[] {"https://a.test/*", "glob:https://a.test/*", "regex:https://a\\.test/.*"}) {
      assertThat(UrlPattern.parse(spec)).isEqualTo(UrlPattern.parse(spec)).hasSameHashCodeAs(UrlPattern.parse(spec));
    }
    assertThat(UrlPattern.parse("https://a.test/*")).isNotEqualTo(UrlPattern.parse("glob:https://a.test/*"))
        .isNotEqualTo(UrlPattern.parse("https://a.test/x*"));
    assertThat(RuleSet.parse(RULES, "rules.json")).isEqualTo(RuleSet.parse(RULES, "rules.json"));
  }

  @Test
  void theConstructorChecksTheSpecAsParseDoes() {
    assertThatThrownBy(() -> new UrlPattern("ftp://nothing", Pattern.compile("ftp://nothing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url pattern \"ftp://nothing\"");
    assertThatThrownBy(() -> new UrlPattern("https://a.test/*", Pattern.compile("https://.*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url pattern \"https://a.test/*\" is given the regex \"https://.*\" (flags 0), which is not its own:"
            + " make it with UrlPattern.parse");
    UrlPattern parsed = UrlPattern.parse("regex:https://a\\.test/.*");
    assertThat(new UrlPattern(parsed.spec(), Pattern.compile(parsed.regex().pattern()))).isEqualTo(parsed);
  }
}
