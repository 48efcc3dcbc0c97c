package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.html;
import static io.crawlpipe.parser.rules.TestRules.loadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractionException;
import org.junit.jupiter.api.Test;

/**
 * A name from the rules file (a rule's, a field's, a key's, a builtin's) is quoted in an error as a
 * long query is: its first 80 and last 30 characters and its length, so the line fits a terminal.
 */
class LongNamesAreShortenedInErrorsTest {
  private static final String LONG = "a".repeat(100_000);
  private static final String SHORTENED = "\"" + "a".repeat(80) + "…" + "a".repeat(30) + "\" (100,000 characters)";
  /** A key as long as Jackson reads (50,000 characters at most). */
  private static final String LONG_KEY = "k".repeat(40_000);
  private static final String KEY_SHORTENED = "\"" + "k".repeat(80) + "…" + "k".repeat(30) + "\" (40,000 characters)";

  private static String rules(String name, String fields) {
    return "{\"rules\": [{\"name\": \"" + name + "\", \"url\": \"*\", \"fields\": " + fields + "}]}";
  }

  @Test
  void aLongRuleNameIsShortened() {
    assertThat(loadError(rules(LONG, "{\"h\": {\"bogus\": 1}}"))).isEqualTo("rules.json: rule " + SHORTENED
        + " field \"h\": needs exactly one of \"regex\", \"css\", \"xpath\", \"json\", \"builtin\"");
  }

  @Test
  void aLongDuplicateRuleNameIsShortened() {
    String rule = "{\"name\": \"" + LONG + "\", \"url\": \"*\", \"fields\": {\"h\": {\"css\": \"h1\"}}}";
    assertThat(loadError("{\"rules\": [" + rule + ", " + rule + "]}"))
        .isEqualTo("rules.json: rule " + SHORTENED + ": duplicate rule name (rule #1 has it too)");
  }

  @Test
  void aLongFieldNameIsShortenedWithItsItemPath() {
    String fields = "{\"" + LONG_KEY + "\": {\"css\": \"li\", \"item\": {\"x\": {\"css\": \"b\", \"to\": \"date\"}}}}";
    assertThat(loadError(rules("r", fields))).isEqualTo("rules.json: rule \"r\" field \"" + "k".repeat(80) + "…"
        + "k".repeat(28) + ".x\" (40,002 characters): \"to\" must be \"number\", was \"date\"");
  }

  @Test
  void aLongUnknownKeyIsShortened() {
    assertThat(loadError(rules("r", "{\"h\": {\"css\": \"h1\", \"" + LONG_KEY + "\": 1}}")))
        .startsWith("rules.json: rule \"r\" field \"h\": unknown key " + KEY_SHORTENED + " (allowed here: ")
        .hasSizeLessThan(400);
  }

  @Test
  void aLongUnknownBuiltinIsShortened() {
    assertThat(loadError(rules("r", "{\"h\": {\"builtin\": \"" + LONG + "\"}}")))
        .startsWith("rules.json: rule \"r\" field \"h\": unknown builtin " + SHORTENED + " (known: ")
        .hasSizeLessThan(400);
  }

  @Test
  void aLongRuleAndFieldNameAreShortenedWhenAnExtractorFailsAPage() {
    RuleSet rules = RuleSet.parse(rules(LONG, "{\"h\": {\"css\": \"h1\"}}"), "rules.json");
    RulesPageParser parser = RulesPageParser.builder(rules)
        .field(LONG, LONG, page -> { throw new IllegalStateException("no luck"); })
        .build();

    assertThatThrownBy(() -> parser.parse(html("<h1>x</h1>")))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("rule " + SHORTENED + " field " + SHORTENED + " failed: java.lang.IllegalStateException: no luck: "
            + TestRules.URL);
  }
}
