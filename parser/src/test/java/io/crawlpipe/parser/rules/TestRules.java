package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** String-in, fields-out helpers: one rule matching every URL, applied to a page given as text. */
final class TestRules {
  static final String URL = "https://example.com/dir/page.html";

  private TestRules() {}

  /** A rules file with one rule named "r" for every URL and these fields (a JSON object). */
  static String oneRule(String fieldsJson) {
    return "{\"rules\": [{\"name\": \"r\", \"url\": \"*\", \"fields\": " + fieldsJson + "}]}";
  }

  static RulesPageParser parser(String fieldsJson) {
    return RulesPageParser.builder(RuleSet.parse(oneRule(fieldsJson), "test.json")).build();
  }

  /** A parser builder for one rule "r" for every URL whose only field, "f", is this spec. */
  static RulesPageParser.Builder oneField(String fieldSpecJson) {
    return RulesPageParser.builder(RuleSet.parse(oneRule("{\"f\": " + fieldSpecJson + "}"), "rules.json"));
  }

  /**
   * A parser for {@link #oneField} whose clock advances 1 ms at each read, with a 100 ms bound: the
   * field expires after 100 reads, that is {@code 100 * JsoupNavigator.CHECK_EVERY} units of
   * counted work (steps through the page for XPath, elements tried for CSS).
   */
  static RulesPageParser boundByTicks(String fieldSpecJson) {
    AtomicLong nanos = new AtomicLong();
    return oneField(fieldSpecJson).fieldTimeout(Duration.ofMillis(100)).nanoTicker(() -> nanos.addAndGet(1_000_000)).build();
  }

  static Page html(String body) {
    return new Page(URL, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static Page json(String body) {
    return new Page(URL, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /** The data extracted from an HTML page by one rule with these fields. */
  static Map<String, Object> data(String fieldsJson, String html) {
    return parser(fieldsJson).parse(html(html)).data();
  }

  /** The value of the only field, named "f", of a rule applied to an HTML page. */
  static Object field(String fieldSpecJson, String html) {
    return data("{\"f\": " + fieldSpecJson + "}", html).get("f");
  }

  /** An ordered map that, unlike {@code Map.of}, may hold null values: key, value, key, value... */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

  /** The message of loading these rules-file contents, which must fail. */
  static String loadError(String rulesJson) {
    try {
      RuleSet.parse(rulesJson, "rules.json");
    } catch (RulesException e) {
      return e.getMessage();
    }
    throw new AssertionError("rules loaded without error: " + rulesJson);
  }
}
