package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.json;
import static io.crawlpipe.parser.rules.TestRules.map;
import static io.crawlpipe.parser.rules.TestRules.parser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.ParsedPage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonExtractorTest {
  private static final String BODY = """
      {"data": {"movies": [
        {"id": 1203, "name": " 霸王别姬 ", "score": 9.5, "tags": ["drama", "opera"], "a/b": true},
        {"id": 1297, "name": "肖申克的救赎", "score": 9.50, "tags": [], "a/b": null}
      ], "total": 12345678901234567890}}""";

  private static Object field(String spec) {
    return parser("{\"f\": " + spec + "}").parse(json(BODY)).data().get("f");
  }

  @Test
  void pointerYieldsScalarsAsJavaValues() {
    assertThat(field("{\"json\": \"/data/movies/0/id\"}")).isEqualTo(1203L);
    assertThat(field("{\"json\": \"/data/movies/0/score\"}")).isEqualTo(new BigDecimal("9.5"));
    assertThat(field("{\"json\": \"/data/movies/0/a~1b\"}")).isEqualTo(true);
    assertThat(field("{\"json\": \"/data/total\"}")).isEqualTo(new BigInteger("12345678901234567890"));
  }

  @Test
  void pointerYieldsArraysAndObjectsAsListsAndMaps() {
    assertThat(field("{\"json\": \"/data/movies/0/tags\"}")).isEqualTo(List.of("drama", "opera"));
    assertThat(field("{\"json\": \"/data/movies/1\"}")).isEqualTo(
        map("id", 1297L, "name", "肖申克的救赎", "score", new BigDecimal("9.50"), "tags", List.of(), "a/b", null));
  }

  @Test
  void missingPathAndJsonNullAreNull() {
    assertThat(field("{\"json\": \"/data/nothing/here\"}")).isNull();
    assertThat(field("{\"json\": \"/data/movies/1/a~1b\"}")).isNull();
  }

  @Test
  void stringValuesArePostProcessed() {
    assertThat(field("{\"json\": \"/data/movies/0/name\", \"trim\": true}")).isEqualTo("霸王别姬");
  }

  @Test
  void itemYieldsOneObjectPerArrayElementWithRelativePointers() {
    String spec = """
        {"json": "/data/movies", "item": {"id": {"json": "/id"}, "name": {"json": "/name", "trim": true},
         "first_tag": {"json": "/tags/0"}}}""";
    assertThat(field(spec)).isEqualTo(List.of(
        Map.of("id", 1203L, "name", "霸王别姬", "first_tag", "drama"),
        map("id", 1297L, "name", "肖申克的救赎", "first_tag", null)));
  }

  @Test
  void itemOverSomethingThatIsNotAnArrayIsEmpty() {
    assertThat(field("{\"json\": \"/data/total\", \"item\": {\"x\": {\"json\": \"/x\"}}}")).isEqualTo(List.of());
  }

  @Test
  void jsonPageKeepsDefaultTitleAndCharsetOfNonHtml() {
    ParsedPage parsed = parser("{\"n\": {\"json\": \"/data/movies/0/id\"}}").parse(json(BODY));
    assertThat(parsed.title()).isNull();
    assertThat(parsed.charset()).isNull();
    assertThat(parsed.data()).isEqualTo(Map.of("n", 1203L));
  }

  @Test
  void regexAlsoRunsOverJsonBodies() {
    Object ids = parser("{\"ids\": {\"regex\": \"\\\"id\\\": (\\\\d+)\", \"to\": \"number\"}}").parse(json(BODY)).data().get("ids");
    assertThat(ids).isEqualTo(Arrays.asList(1203L, 1297L));
  }

  @Test
  void bodyThatIsNotJsonFailsThePageNamingRuleAndField() {
    RulesPageParser parser = parser("{\"n\": {\"json\": \"/id\"}}");
    assertThatThrownBy(() -> parser.parse(json("<html>502 Bad Gateway</html>")))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("rule \"r\" field \"n\": body is not valid JSON (")
        .hasMessageEndingWith(": " + TestRules.URL);
  }

  @Test
  void anEmptyOrBlankBodyIsNotJsonAndFailsThePage() {
    RulesPageParser parser = parser("{\"n\": {\"json\": \"/id\"}}");
    assertThatThrownBy(() -> parser.parse(json("")))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("rule \"r\" field \"n\": body is not valid JSON (it is empty): " + TestRules.URL);
    assertThatThrownBy(() -> parser.parse(json(" \r\n\t")))
        .hasMessage("rule \"r\" field \"n\": body is not valid JSON (it is only whitespace): " + TestRules.URL);
  }

  @Test
  void aBrokenJsonBodyIsDescribedWithoutTheJsonLibrarysInternals() {
    RulesPageParser parser = parser("{\"n\": {\"json\": \"/id\"}}");
    assertThatThrownBy(() -> parser.parse(json("{\"id\": [1 }")))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("Unexpected close marker '}': expected ']'")
        .hasMessageNotContaining("[Source:").hasMessageNotContaining("REDACTED").hasMessageNotContaining("#UNKNOWN");
    assertThatThrownBy(() -> parser.parse(json("{\"id\": 1}\n{\"id\": 2}\n")))  // JSON Lines, not one document
        .hasMessageContaining("body is not valid JSON (more after the first JSON value)");
    for (String body : List.of("{\"id\": \"\\x41\"}", "{\"id\": \"x\u0000\"}", "{\"id\": \"a\tb\"}", "{\"id\": /*c*/ 1}",
        "{\"id\": 1} // c", "{\"id\": 0x10}", "{\"id\": 1}\u007f", "{\"id\": " + "[".repeat(600))) {
      assertThatThrownBy(() -> parser.parse(json(body))).as(body).isInstanceOf(ExtractionException.class)
          .message().doesNotContain("`", "(code ", "CTRL-CHAR", "Feature", "JsonToken", "[Source:", "StreamReadConstraints");
    }
  }
}
