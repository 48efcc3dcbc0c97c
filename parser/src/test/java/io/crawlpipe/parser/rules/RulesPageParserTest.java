package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.html;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class RulesPageParserTest {
  private static final RuleSet RULES = RuleSet.parse(oneRule("{\"heading\": {\"css\": \"h1\"}}"), "rules.json");

  @Test
  void lambdaExtractorsRunAfterTheFileFieldsOfTheirRule() {
    RulesPageParser parser = RulesPageParser.builder(RULES)
        .field("r", "words", page -> page.document().body().text().split("\\s+").length)
        .field("r", "bytes", page -> page.page().body().length)
        .build();

    ParsedPage parsed = parser.parse(html("<title>T</title><h1>Hello</h1><p>big world</p>"));

    assertThat(parsed.data()).containsExactly(Map.entry("heading", "Hello"), Map.entry("words", 3),
        Map.entry("bytes", 46));
    assertThat(parsed.title()).isEqualTo("T");
  }

  @Test
  void allExtractorsOfAPageShareOneParsedDocument() {
    List<Document> seen = new ArrayList<>();
    RulesPageParser parser = RulesPageParser.builder(RULES)
        .field("r", "a", page -> seen.add(page.document()))
        .field("r", "b", page -> seen.add(page.document()))
        .build();

    parser.parse(html("<h1>x</h1>"));

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(seen.get(0).location()).isEqualTo(TestRules.URL);
  }

  @Test
  void lambdaFailureFailsThePageNamingRuleFieldAndUrl() {
    RulesPageParser parser = RulesPageParser.builder(RULES)
        .field("r", "boom", page -> { throw new IllegalStateException("no luck"); })
        .build();

    assertThatThrownBy(() -> parser.parse(html("<h1>x</h1>")))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.url()).isEqualTo(TestRules.URL))
        .hasMessage("rule \"r\" field \"boom\" failed: java.lang.IllegalStateException: no luck: " + TestRules.URL)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCheckedExceptionThrownSneakilyByALambdaFailsThePageAsARuntimeOneDoes() {
    RulesPageParser parser = RulesPageParser.builder(RULES)
        .field("r", "sneaky", page -> sneaky(new IOException("from a Kotlin-style extractor")))
        .build();

    assertThatThrownBy(() -> parser.parse(html("<h1>x</h1>")))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("rule \"r\" field \"sneaky\" failed: java.io.IOException: from a Kotlin-style extractor: "
            + TestRules.URL)
        .hasCauseInstanceOf(IOException.class);
  }

  /** Throws {@code t}, checked or not, undeclared: as Kotlin, Groovy or Lombok's {@code @SneakyThrows} do. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Object sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void lambdaFieldsNeedAnExistingRuleAndAFreshName() {
    RulesPageParser.Builder builder = RulesPageParser.builder(RULES);
    assertThatThrownBy(() -> builder.field("nope", "x", page -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no rule named \"nope\"");
    assertThatThrownBy(() -> builder.field("r", "heading", page -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rule \"r\" already has a field \"heading\"");
  }

  @Test
  void rulesBuiltInJavaWorkWithoutAFile() {
    Rule rule = new Rule("java", UrlPattern.parse("https://example.com/*"), Map.of("len", page -> page.text().length()));
    RulesPageParser parser = RulesPageParser.builder(new RuleSet(List.of(rule))).build();

    assertThat(parser.parse(html("<b>hi</b>")).data()).isEqualTo(Map.of("len", 9));
  }

  @Test
  void anUnpairedSurrogateInAUtf16PageLeavesTheElementsAfterItToTheRules() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});  // UTF-16LE byte-order mark
    body.writeBytes("<html><title>A".getBytes(StandardCharsets.UTF_16LE));
    body.writeBytes(new byte[] {0, (byte) 0xD8});  // a high surrogate with no low one after it
    body.writeBytes("</title></head><body><p>body text here</p>".getBytes(StandardCharsets.UTF_16LE));

    ParsedPage parsed = TestRules.parser("{\"p\": {\"css\": \"p\"}}")
        .parse(new Page(TestRules.URL, "text/html", body.toByteArray()));

    assertThat(parsed.title()).isEqualTo("A\uFFFD");
    assertThat(parsed.data()).isEqualTo(Map.of("p", "body text here"));
  }

  @Test
  void oneParserServesManyThreadsAtOnce() throws Exception {
    RulesPageParser parser = RulesPageParser.builder(
        RuleSet.parse(oneRule("{\"h\": {\"css\": \"h1\"}, \"n\": {\"regex\": \"<i>(\\\\d+)</i>\", \"to\": \"number\"}}"),
            "rules.json")).build();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<ParsedPage>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String body = "<h1>page " + i + "</h1><i>" + i + "</i>";
        results.add(pool.submit(() -> parser.parse(html(body))));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(results.get(i).get().data()).isEqualTo(Map.of("h", "page " + i, "n", List.of((long) i)));
      }
    }
  }
}
