package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlMatchingTest {

  @Test
  void globStarMatchesAnyRunIncludingSlashesAndQueries() {
    UrlPattern board = UrlPattern.parse("https://maoyan.com/board/*");
    assertThat(board.matches("https://maoyan.com/board/4")).isTrue();
    assertThat(board.matches("https://maoyan.com/board/4?offset=10")).isTrue();
    assertThat(board.matches("https://maoyan.com/board/")).isTrue();
    assertThat(board.matches("https://maoyan.com/films/1203")).isFalse();
    assertThat(board.matches("http://maoyan.com/board/4")).isFalse();
  }

  @Test
  void globTreatsQuestionMarkAndDotLiterally() {
    UrlPattern search = UrlPattern.parse("glob:https://example.com/search?q=*");
    assertThat(search.matches("https://example.com/search?q=jsoup")).isTrue();
    assertThat(search.matches("https://example.com/searchXq=jsoup")).isFalse();
    assertThat(UrlPattern.parse("https://*.example.com/*").matches("https://www.exampleXcom/")).isFalse();
  }

  @Test
  void globMustMatchTheWholeUrl() {
    assertThat(UrlPattern.parse("https://example.com/").matches("https://example.com/more")).isFalse();
  }

  @Test
  void regexPatternMustMatchTheWholeUrl() {
    UrlPattern numbered = UrlPattern.parse("regex:https://maoyan\\.com/board/\\d+");
    assertThat(numbered.matches("https://maoyan.com/board/4")).isTrue();
    assertThat(numbered.matches("https://maoyan.com/board/4?offset=10")).isFalse();
    assertThat(numbered.matches("https://maoyan.com/board/top")).isFalse();
  }

  @Test
  void firstMatchingRuleWinsAndOthersAreNotApplied() {
    String rules = """
        {"rules": [
          {"name": "numbered", "url": "regex:https://example\\\\.com/item/\\\\d+", "fields": {"which": {"regex": "(numbered)", "all": false}}},
          {"name": "any-item", "url": "https://example.com/item/*", "fields": {"which": {"regex": "(any)", "all": false}}},
          {"name": "everything", "url": "*", "fields": {"other": {"builtin": "title"}}}
        ]}""";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();
    String body = "numbered any <title>t</title>";

    assertThat(parse(parser, "https://example.com/item/42").data()).isEqualTo(Map.of("which", "numbered"));
    assertThat(parse(parser, "https://example.com/item/new").data()).isEqualTo(Map.of("which", "any"));
    assertThat(parse(parser, "https://example.com/other").data()).isEqualTo(Map.of("other", "t"));
    assertThat(parser.rules().firstMatch("https://example.com/item/42").orElseThrow().name()).isEqualTo("numbered");
  }

  @Test
  void pageMatchingNoRuleGetsTheDefaultExtractionOnly() {
    String rules = "{\"rules\": [{\"name\": \"r\", \"url\": \"https://example.com/a/*\", \"fields\": {\"h\": {\"css\": \"h1\"}}}]}";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();

    ParsedPage parsed = parse(parser, "https://example.com/b/1");

    assertThat(parsed.data()).isEmpty();
    assertThat(parsed.title()).isEqualTo("t");
    assertThat(parsed.charset()).isEqualTo("UTF-8");
  }

  private static ParsedPage parse(RulesPageParser parser, String url) {
    byte[] body = "numbered any <title>t</title><h1>h</h1>".getBytes(StandardCharsets.UTF_8);
    return parser.parse(new Page(url, "text/html", body));
  }
}
