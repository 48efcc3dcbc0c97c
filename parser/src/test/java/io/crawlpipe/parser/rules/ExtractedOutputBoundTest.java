package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.boundByTicks;
import static io.crawlpipe.parser.rules.TestRules.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a field builds from the nodes it selects counts against its time bound and the page's output budget. */
class ExtractedOutputBoundTest {
  /** 2,000 nested empty divs: selecting them is quick, reading the text of each walks all the ones inside it. */
  private static final String NESTED_EMPTY = "<html><body>" + "<div>".repeat(2_000) + "</body></html>";
  /** 1,000 nested divs of ten characters each: a 21,000-character page whose divs' texts total millions. */
  private static final String NESTED_TEXT = "<html><body>" + "<div>xxxxxxxxxx".repeat(1_000) + "</body></html>";
  private static final String TOO_MUCH = "values passed 1048576 characters, the most a page's css, xpath and regex"
      + " fields may extract (8 per character of the page's text, at least 1048576): " + TestRules.URL;

  @Test
  void buildingTheValuesOfNestedElementsCountsAgainstTheTimeBound() {
    for (String value : new String[] {"text", "whole_text", "html", "inner_html"}) {
      RulesPageParser css = boundByTicks("{\"css\": \"div\", \"all\": true, \"value\": \"" + value + "\"}");
      assertThatThrownBy(() -> css.parse(html(NESTED_EMPTY)))
          .isInstanceOf(ExtractTimeoutException.class)
          .hasMessage("rule \"r\" field \"f\": css ran longer than 100 ms: " + TestRules.URL);
    }
    RulesPageParser xpath = boundByTicks("{\"xpath\": \"//div\", \"all\": true}");
    assertThatThrownBy(() -> xpath.parse(html(NESTED_EMPTY))).isInstanceOf(ExtractTimeoutException.class);
  }

  @Test
  void theTimeoutNamesTheItemFieldWhoseValuesRanOut() {
    RulesPageParser parser = boundByTicks("{\"css\": \"body\", \"item\": {\"t\": {\"css\": \"div\", \"all\": true}}}");

    assertThatThrownBy(() -> parser.parse(html(NESTED_EMPTY)))
        .hasMessage("rule \"r\" field \"f.t\": css ran longer than 100 ms: " + TestRules.URL);
  }

  @Test
  void valuesTotallingMoreThanThePageAllowsFailThePage() {
    assertThatThrownBy(() -> unhurried("{\"f\": {\"css\": \"div\", \"all\": true}}").parse(html(NESTED_TEXT)))
        .isInstanceOf(ExtractionException.class)
        .isNotInstanceOf(ExtractTimeoutException.class)
        .hasMessage("rule \"r\" field \"f\": css " + TOO_MUCH);
    assertThatThrownBy(() -> unhurried("{\"f\": {\"xpath\": \"//div\", \"all\": true}}").parse(html(NESTED_TEXT)))
        .hasMessage("rule \"r\" field \"f\": xpath " + TOO_MUCH);
  }

  @Test
  void manyEmptyValuesCountToo() {
    // each container's item lists the own text of every div inside it (jsoup nests 512 deep at
    // most): over a million empty strings, no characters
    String page = "<html><body>" + "<div>".repeat(3_000) + "</body></html>";
    String rule = "{\"f\": {\"css\": \"div\", \"item\": {\"t\": {\"css\": \"div\", \"all\": true, \"value\": \"own_text\"}}}}";

    assertThatThrownBy(() -> unhurried(rule).parse(html(page))).hasMessage("rule \"r\" field \"f\": css " + TOO_MUCH);
  }

  @Test
  void aRegexCapturingTheRestOfThePageAtEveryPositionFailsThePage() {
    String page = "a".repeat(2_000);

    assertThatThrownBy(() -> unhurried("{\"f\": {\"regex\": \"(?=(.*))\"}}").parse(html(page)))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("rule \"r\" field \"f\": regex " + TOO_MUCH);
  }

  @Test
  void theBudgetIsThePagesAndNamesTheFieldThatPassedIt() {
    String page = "<p>" + "x".repeat(100_000) + "</p>";
    // each field extracts 600,006 characters: one fits 8 x 100,007 = 800,056 or 1 MiB, two do not
    String fields = "{\"a\": {\"css\": \"p\", \"value\": \"html\", \"replace\": {\"x\": \"xxxxxx\"}},"
        + " \"b\": {\"regex\": \"<p>(x+)\", \"value\": \"${1}${1}${1}${1}${1}${1}\"}}";

    assertThat(unhurried("{\"a\": {\"css\": \"p\"}}").parse(html(page)).data()).hasSize(1);
    assertThatThrownBy(() -> unhurried(fields).parse(html(page))).hasMessageStartingWith("rule \"r\" field \"b\": regex values passed");
  }

  @Test
  void aLargePageMayExtractEightCharactersForEachOfItsOwn() {
    assertThat(new OutputBudget(10).limit()).isEqualTo(1_048_576);
    assertThat(new OutputBudget(1_000_000).limit()).isEqualTo(8_000_000);
  }

  /**
   * A parser for these fields whose time bound a loaded machine cannot reach, so the output budget
   * is what stops the page (with the default 2 s bound a slow run failed on time instead).
   */
  private static RulesPageParser unhurried(String fieldsJson) {
    return RulesPageParser.builder(RuleSet.parse(TestRules.oneRule(fieldsJson), "test.json"))
        .fieldTimeout(Duration.ofMinutes(10)).build();
  }
}
