package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A field added in Java is refused a blank name, as a rules file's field is. */
class AJavaFieldNameMustNotBeBlankTest {
  private static final RuleSet RULES = RuleSet.parse("""
      {"rules": [{"name": "a", "url": "https://a.test/*", "fields": {}}]}""", "rules.json");

  @Test
  void aBlankFieldNameIsRefusedNamingTheRule() {
    for (String blank : new String[] {"", "  ", "\t"}) {
      assertThatThrownBy(() -> RulesPageParser.builder(RULES).field("a", blank, page -> 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rule \"a\": field names must not be blank");
      Map<String, Extractor> fields = Map.of(blank, page -> 1);
      assertThatThrownBy(() -> new Rule("a", UrlPattern.parse("https://a.test/*"), fields))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rule \"a\": field names must not be blank");
    }
  }
}
