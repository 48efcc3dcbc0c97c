package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A wrong value from the rules file (a pointer, "to", "value", a template) is quoted shortened when long. */
class LongValuesAreShortenedInErrorsTest {
  private static final String LONG = "x".repeat(100_000);
  private static final String SHORTENED = "\"" + "x".repeat(80) + "…" + "x".repeat(30) + "\" (100,000 characters)";

  private static String fieldError(String spec) {
    return loadError(oneRule("{\"f\": " + spec + "}"));
  }

  @Test
  void aLongInvalidJsonPointerIsShortened() {
    assertThat(fieldError("{\"json\": \"" + LONG + "\"}"))
        .isEqualTo("rules.json: rule \"r\" field \"f\": json pointer " + SHORTENED
            + " is invalid: it must be empty or start with \"/\"");
  }

  @Test
  void aLongToIsShortened() {
    assertThat(fieldError("{\"css\": \"b\", \"to\": \"" + LONG + "\"}"))
        .isEqualTo("rules.json: rule \"r\" field \"f\": \"to\" must be \"number\", was " + SHORTENED);
  }

  @Test
  void aLongValueIsShortened() {
    assertThat(fieldError("{\"css\": \"b\", \"value\": \"" + LONG + "\"}")).isEqualTo("rules.json: rule \"r\" field"
        + " \"f\": \"value\" must be text, whole_text, own_text, html, inner_html, attr:NAME or abs:NAME, was " + SHORTENED);
  }

  @Test
  void aLongTemplateIsShortened() {
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${" + LONG + "\"}"))
        .startsWith("rules.json: rule \"r\" field \"f\": ")
        .contains("unclosed \"${\" in template \"${" + "x".repeat(78) + "…")
        .hasSizeLessThan(400);
  }

  @Test
  void aLongGroupReferenceIsShortened() {
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${" + LONG + "}\"}"))
        .endsWith("group ${" + "x".repeat(80) + "…" + "x".repeat(30) + " (100,000 characters)} does not exist (pattern"
            + " has no named groups)");
    String digits = "9".repeat(100_000);
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${" + digits + "}\"}"))
        .endsWith("group ${" + "9".repeat(80) + "…" + "9".repeat(30) + " (100,000 characters)} does not exist (pattern"
            + " has 1 group)");
  }
}
