package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.field;
import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An XPath that gives a string is refused with what to write instead. */
class XPathStringHintTest {

  /** What follows "it gives a string, not nodes" in the load error of an xpath field. */
  private static String hint(String xpath) {
    String message = loadError(oneRule("{\"f\": {\"xpath\": \"" + xpath.replace("\"", "\\\"") + "\"}}"));
    String refusal = "it gives a string, not nodes";
    assertThat(message).startsWith("rules.json: rule \"r\" field \"f\": xpath ").contains(refusal);
    return message.substring(message.indexOf(refusal) + refusal.length());
  }

  @Test
  void refusesStringFunctionsSuggestingTheNodesTheyRead() {
    String element = " (a field's value is the text of the element it selects, whitespace normalised;"
        + " \"value\": \"own_text\" for its own text without its children's)";
    assertThat(hint("string(//h1)")).isEqualTo(": write \"//h1\"" + element);
    assertThat(hint(" normalize-space( //div[@class='a, b)']/p ) ")).isEqualTo(": write \"//div[@class='a, b)']/p\"" + element);
    assertThat(hint("normalize-space()")).isEqualTo(": write \".\"" + element);
    assertThat(hint("string(//a/@href)")).isEqualTo(": write \"//a/@href\" (a field's value is the attribute's value)");
    assertThat(hint("string(//h1/text())")).isEqualTo(": write \"//h1/text()\" (a field's value is the text node's text)");
  }

  @Test
  void refusesStringBuildingFunctionsPointingToTheSteps() {
    assertThat(hint("substring-after(//p, ':')")).isEqualTo(": select the nodes and change their text with the steps"
        + " \"strip_prefix\", \"strip_suffix\", \"replace\" and \"trim\", or use a regex field");
    assertThat(hint("concat(//a, //b)")).startsWith(": select the nodes and change their text");
  }

  @Test
  void givesNoHintWhereNoNodesWouldDo() {
    assertThat(hint("name(//p)")).isEmpty();
    assertThat(hint("string(1 + 1)")).isEmpty();
  }

  @Test
  void theSuggestedQueryGivesWhatNormalizeSpaceWould() {
    String page = "<h1>\n  The   <b>big</b>\n title </h1><h1>second</h1>";
    assertThat(field("{\"xpath\": \"//h1\"}", page)).isEqualTo("The big title");
  }
}
