package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexExtractorTest {
  private static final String ROWS = "<tr><td>a</td><td>1</td></tr>\n<tr><td>b</td><td>2</td></tr>";

  @Test
  void patternWithoutGroupsYieldsEveryWholeMatch() {
    assertThat(field("{\"regex\": \"<td>\\\\d</td>\"}", ROWS)).isEqualTo(List.of("<td>1</td>", "<td>2</td>"));
  }

  @Test
  void patternWithOneGroupYieldsThatGroupPerMatch() {
    assertThat(field("{\"regex\": \"<td>(\\\\d)</td>\"}", ROWS)).isEqualTo(List.of("1", "2"));
  }

  @Test
  void patternWithSeveralGroupsYieldsTheListOfGroupsPerMatch() {
    assertThat(field("{\"regex\": \"<td>(\\\\w)</td><td>(\\\\d)</td>\"}", ROWS))
        .isEqualTo(List.of(List.of("a", "1"), List.of("b", "2")));
  }

  @Test
  void groupThatDidNotParticipateIsEmptyAsInPython() {
    assertThat(field("{\"regex\": \"(x)?<td>(\\\\d)\"}", ROWS)).isEqualTo(List.of(List.of("", "1"), List.of("", "2")));
  }

  @Test
  void dotMatchesNewlinesByDefault() {
    assertThat(field("{\"regex\": \"a</td>(.*)<td>b\"}", ROWS)).isEqualTo(List.of("<td>1</td></tr>\n<tr>"));
  }

  @Test
  void dotallCanBeTurnedOff() {
    assertThat(field("{\"regex\": \"a</td>(.*)<td>b\", \"dotall\": false}", ROWS)).isEqualTo(List.of());
  }

  @Test
  void ignoreCaseAndMultilineFlags() {
    assertThat(field("{\"regex\": \"<TD>(\\\\d)\", \"ignore_case\": true}", ROWS)).isEqualTo(List.of("1", "2"));
    assertThat(field("{\"regex\": \"^<tr><td>(\\\\w)\", \"multiline\": true}", ROWS)).isEqualTo(List.of("a", "b"));
  }

  @Test
  void valueTemplateCombinesGroupsAndConstants() {
    String spec = "{\"regex\": \"<td>(\\\\w)</td><td>(\\\\d)</td>\", \"value\": \"${1}=${2} ($$)\"}";
    assertThat(field(spec, ROWS)).isEqualTo(List.of("a=1 ($)", "b=2 ($)"));
  }

  @Test
  void namedGroupsAreReferencedByNameAndPythonSyntaxIsAccepted() {
    String java = "{\"regex\": \"<td>(?<name>\\\\w)</td><td>(?<n>\\\\d)\", \"value\": \"${n}${name}\"}";
    String python = "{\"regex\": \"<td>(?P<name>\\\\w)</td><td>(?P<n>\\\\d)\", \"value\": \"${n}${name}\"}";
    assertThat(field(java, ROWS)).isEqualTo(List.of("1a", "2b"));
    assertThat(field(python, ROWS)).isEqualTo(List.of("1a", "2b"));
    assertThat(field("{\"regex\": \"(?P<c>\\\\d)(?P=c)\"}", "12 33 45")).isEqualTo(List.of("3"));
  }

  @Test
  void pythonGroupNamesWithUnderscoresAndNonAsciiLettersWork() {
    String page = "<b>12-12</b> <b>13-14</b> <b>7-7</b>";
    assertThat(field("{\"regex\": \"<b>(?P<the_price>\\\\d+)-(?P=the_price)\", \"value\": \"${the_price}\"}", page))
        .isEqualTo(List.of("12", "7"));
    assertThat(field("{\"regex\": \"<b>(?<the_price>\\\\d+)-\\\\k<the_price>\", \"item\": {\"p\": \"${the_price}\"}}", page))
        .isEqualTo(List.of(Map.of("p", "12"), Map.of("p", "7")));
    assertThat(field("{\"regex\": \"<b>(?P<prix_été>\\\\d+)-(?P<_2>\\\\d+)\", \"value\": \"${_2}/${prix_été}\"}", page))
        .isEqualTo(List.of("12/12", "14/13", "7/7"));
  }

  @Test
  void aRenamedGroupNeverTakesTheNameOfAnotherGroup() {
    String spec = "{\"regex\": \"(?P<a_b>\\\\d)(?P<crawlpipeGroup1>\\\\d)\", \"value\": \"${crawlpipeGroup1}${a_b}\"}";
    assertThat(field(spec, "12 34")).isEqualTo(List.of("21", "43"));
  }

  @Test
  void itemBuildsOneObjectPerMatch() {
    String spec = """
        {"regex": "<td>(\\\\w)</td><td>(\\\\d)</td>",
         "item": {"name": "${1}", "n": {"value": "${2}", "to": "number"}, "source": "table"}}""";
    assertThat(field(spec, ROWS)).isEqualTo(List.of(
        Map.of("name", "a", "n", 1L, "source", "table"),
        Map.of("name", "b", "n", 2L, "source", "table")));
  }

  @Test
  void allFalseYieldsTheFirstResultOnly() {
    assertThat(field("{\"regex\": \"<td>(\\\\d)</td>\", \"all\": false}", ROWS)).isEqualTo("1");
    assertThat(field("{\"regex\": \"<td>(\\\\w)</td>\", \"all\": false, \"item\": {\"x\": \"${1}\"}}", ROWS))
        .isEqualTo(Map.of("x", "a"));
  }

  @Test
  void noMatchIsAnEmptyListOrNull() {
    assertThat(field("{\"regex\": \"<th>(.*?)</th>\"}", ROWS)).isEqualTo(List.of());
    assertThat(field("{\"regex\": \"<th>(.*?)</th>\", \"all\": false}", ROWS)).isNull();
  }

  @Test
  void postProcessingAppliesToEveryResult() {
    String spec = """
        {"regex": "<li>(.*?)</li>", "trim": true, "strip_prefix": "Price:", "strip_suffix": "EUR",
         "replace": {",": ""}, "to": "number"}""";
    assertThat(field(spec, "<li> Price: 1,299.50 EUR </li><li>Price:7EUR</li><li>n/a</li>"))
        .isEqualTo(java.util.Arrays.asList(new BigDecimal("1299.50"), 7L, null));
  }

  @Test
  void postProcessingAppliesToEachGroupWithoutATemplate() {
    assertThat(field("{\"regex\": \"\\\\[(.*?)\\\\|(.*?)\\\\]\", \"trim\": true}", "[ a | b ]"))
        .isEqualTo(List.of(List.of("a", "b")));
  }

  @Test
  void regexRunsOverTheTextOfMalformedPages() {
    assertThat(field("{\"regex\": \"<b>(\\\\w+)\"}", "<p><b>bold<i>unclosed</p><b>again"))
        .isEqualTo(List.of("bold", "again"));
  }

  @Test
  void wordDigitSpaceAndBoundaryAreUnicodeAsInAPython3StrPattern() {
    String text = "Café naïve 日本語 価格１２３円 a\u00a0b";
    assertThat(field(regex("\\w+"), text)).isEqualTo(List.of("Café", "naïve", "日本語", "価格１２３円", "a", "b"));
    assertThat(field(regex("\\d+"), text)).isEqualTo(List.of("１２３"));
    assertThat(field(regex("a\\sb"), text)).isEqualTo(List.of("a\u00a0b"));
    assertThat(field(regex("\\bna\\w*"), text)).isEqualTo(List.of("naïve"));
    assertThat(field(regex("(?i)CAFÉ"), text)).isEqualTo(List.of("Café"));
  }

  @Test
  void pythonsAsciiFlagMakesThemAsciiOnly() {
    String text = "Café naïve 価格１２３円 a\u00a0b";
    assertThat(field(regex("(?a)\\w+"), text)).isEqualTo(List.of("Caf", "na", "ve", "a", "b"));
    assertThat(field(regex("(?a)\\d+|a\\sb"), text)).isEqualTo(List.of());
    assertThat(field(regex("(?ai)CAFÉ|(?a:\\bve)"), text)).isEqualTo(List.of("ve"));
    assertThat(field(regex("(?a:\\w+) "), text)).isEqualTo(List.of("ve "));
  }

  /** A regex field spec for {@code pattern}, as written in Java source (backslashes once). */
  private static String regex(String pattern) {
    return "{\"regex\": \"" + pattern.replace("\\", "\\\\") + "\"}";
  }
}
