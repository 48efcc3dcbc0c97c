package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors in a regex field speak of the pattern as the user wrote it, not of its translation to Java. */
class PythonRegexTest {

  /** The load error of a field "f" with this regex (JSON-escaped by the caller). */
  private static String regexError(String regexJson) {
    return loadError(oneRule("{\"f\": {\"regex\": \"" + regexJson + "\"}}"));
  }

  @Test
  void theErrorIndexIsInTheUsersPatternNotInItsTranslation() {
    assertThat(regexError("(?P<name>a)["))
        .isEqualTo("rules.json: rule \"r\" field \"f\": regex does not compile: Unclosed character class near index 11");
    assertThat(regexError("(?P<the_price>\\\\d+)(?P=the_price)(")).endsWith("Unclosed group near index 33");
  }

  @Test
  void errorsNameRenamedGroupsAsTheUserWroteThem() {
    assertThat(regexError("(?P<a_b>x)(?P<a_b>y)")).isEqualTo(
        "rules.json: rule \"r\" field \"f\": regex does not compile: Named capturing group <a_b> is already defined near index 17");
    assertThat(regexError("(?P<a_b>x)(?P=a_c)")).isEqualTo(
        "rules.json: rule \"r\" field \"f\": regex does not compile: named capturing group <a_c> does not exist near index 17");
    assertThat(loadError(oneRule("{\"f\": {\"regex\": \"(?P<the_price>1)\", \"value\": \"${price}\"}}"))).isEqualTo(
        "rules.json: rule \"r\" field \"f\": group ${price} does not exist (pattern has named groups the_price)");
  }

  @Test
  void lookbehindQuotingAndEscapedBracketsAreNotGroupNames() {
    PythonRegex regex = PythonRegex.translate("(?<=a_b)(?<!c_d)\\Q(?P<e_f>\\E\\(?P<g_h>)");
    assertThat(regex.java()).isEqualTo("(?<=a_b)(?<!c_d)\\Q(?P<e_f>\\E\\(?P<g_h>)");
    assertThat(regex.renamed()).isEmpty();
  }

  @Test
  void whatLooksLikeAGroupInsideACharacterClassIsLeftAsItIs() {
    PythonRegex regex = PythonRegex.translate("[(?<a_b>)]+[]^(?P<c>][^]\\](?P<d_e>x)][a[(?<f_g>)]](?P<h_i>y)");
    assertThat(regex.java()).isEqualTo("[(?<a_b>)]+[]^(?P<c>][^]\\](?P<d_e>x)][a[(?<f_g>)]](?<crawlpipeGroup1>y)");
    assertThat(regex.renamed()).containsExactly(java.util.Map.entry("crawlpipeGroup1", "h_i"));
  }

  @Test
  void pythonsAsciiFlagTurnsJavasUnicodeClassesOff() {
    PythonRegex regex = PythonRegex.translate("(?a)\\w(?ai-s:x)(?i)[(?a)]\\(?a)\\Q(?a)\\E");
    assertThat(regex.java()).isEqualTo("(?-Uu)\\w(?i-sUu:x)(?i)[(?a)]\\(?a)\\Q(?a)\\E");
    assertThat(regexError("(?a)[")).endsWith("Unclosed character class near index 4");
  }
}
