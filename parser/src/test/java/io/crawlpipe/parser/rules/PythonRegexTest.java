package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void aBackreferenceToAGroupNotOpenedBeforeItIsRefused() {
    assertThat(regexError("(a)\\\\2")).isEqualTo(
        "rules.json: rule \"r\" field \"f\": regex does not compile: group \\2 does not exist (the pattern has 1 group before it) near index 3");
    assertThat(regexError("\\\\1(a)")).endsWith("group \\1 does not exist (the pattern has no group before it) near index 0");
    assertThat(regexError("(?P<a_b>x)(?<c>y)(?:z)(?=(w))\\\\4")).endsWith("(the pattern has 3 groups before it) near index 29");
  }

  @Test
  void whatIsNoBackreferenceToAMissingGroupStillLoads() {
    // \10 after one group is group 1 then a literal 0; \0 is octal; \\2 a backslash then 2; in
    // \Q...\E or in comments mode a digit after a backslash refers to no group
    for (String regex : new String[] {"(a)\\\\10", "(a)(b)\\\\2", "(?<n>a)\\\\1", "\\\\011", "\\\\\\\\2",
        "\\\\Q\\\\2\\\\E", "(?x)a # no \\\\2 here"}) {
      RuleSet.parse(oneRule("{\"f\": {\"regex\": \"" + regex + "\"}}"), "rules.json");
    }
    assertThat(TestRules.field("{\"regex\": \"(a)\\\\10\"}", "aa0 a10")).isEqualTo(List.of("a"));
    assertThat(regexError("(a)[\\\\2]")).contains("Illegal/unsupported escape sequence"); // Java's own refusal in a class
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
