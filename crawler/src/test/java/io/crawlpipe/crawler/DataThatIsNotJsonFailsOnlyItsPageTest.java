package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.parser.rules.Rule;
import io.crawlpipe.parser.rules.RuleSet;
import io.crawlpipe.parser.rules.RulesPageParser;
import io.crawlpipe.parser.rules.UrlPattern;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.JsonData;
import io.crawlpipe.store.JsonLinesSink;
import io.crawlpipe.store.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data a parser returns that JSON cannot hold fails that page's extraction, as {@code
 * extract_error} naming the field, and the crawl goes on: in every mode (processes mode parses in
 * the parent), through the real results-file sink, which would otherwise fail the run.
 */
@Timeout(120)
class DataThatIsNotJsonFailsOnlyItsPageTest {
  private static final ProcessPoolSettings TWO_SMALL_WORKERS = new ProcessPoolSettings(2, 64L << 20, 0,
      Duration.ofSeconds(10), Duration.ofSeconds(30), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  private static final int PAGES = 20;

  /** A bean whose only property cannot be read: databind fails on it. */
  public static final class Exploding {
    public String getValue() {
      throw new IllegalStateException("boom");
    }
  }

  /**
   * Field "x" of /page/1 is a map that contains itself, of /page/2 a bean, of /page/3 a jsoup
   * Element, of /page/5 a Stream (read once: checked, it would be written empty or fail the write);
   * of /page/4 Java values that are JSON-like (a Set, an AtomicInteger, an enum).
   */
  private static final PageParser PARSER = page -> {
    ParsedPage basics = new DefaultPageParser().parse(page);
    Object x = switch (page.url().substring(page.url().lastIndexOf('/') + 1)) {
      case "1" -> selfContaining();
      case "2" -> new Exploding();
      case "3" -> Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)).selectFirst("title");
      case "5" -> java.util.stream.Stream.of("a", "b");
      case "4" -> Map.of("set", new java.util.TreeSet<>(List.of("b", "a")),
          "atomic", new java.util.concurrent.atomic.AtomicInteger(3), "mode", Mode.VIRTUAL);
      default -> List.of(1, "one");
    };
    return new ParsedPage(basics.title(), basics.charset(), Map.of("n", 7, "x", x));
  };

  private static Map<String, Object> selfContaining() {
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    return map;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theBadPagesAreExtractErrorsAndEveryOtherPageIsWritten(Mode mode) throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < PAGES; i++) urls.add(site.url("/page/" + i));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CrawlConfig config = CrawlConfig.builder().mode(mode).concurrency(4).processes(TWO_SMALL_WORKERS).build();
      try (JsonLinesSink sink = JsonLinesSink.to(out, "results")) {
        assertThat(new Crawler(config, PARSER, Clock.systemUTC()).crawl(urls, sink).urls()).isEqualTo(PAGES);
      }

      Map<String, CrawlResult> byUrl = lines(out).stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
      assertThat(byUrl).as("one line per URL").hasSize(PAGES);
      assertBad(byUrl.get(site.url("/page/1")), "Page 1",
          "field \"x\": a java.util.HashMap that contains itself (at .self) is not a JSON value");
      assertBad(byUrl.get(site.url("/page/2")), "Page 2", "field \"x\": a " + Exploding.class.getTypeName()
          + " is not a JSON value (return a String, number, boolean, list or map)");
      assertBad(byUrl.get(site.url("/page/3")), "Page 3",
          "field \"x\": a org.jsoup.nodes.Element is not a JSON value (return a String, number, boolean, list or map)");
      assertThat(byUrl.get(site.url("/page/0")).data()).isEqualTo(Map.of("n", 7, "x", List.of(1, "one")));
      assertThat(byUrl.get(site.url("/page/4")).data()).isEqualTo(Map.of("n", 7,
          "x", Map.of("set", List.of("a", "b"), "atomic", 3, "mode", "VIRTUAL")));
      assertThat(byUrl.get(site.url("/page/5")).error().message()).startsWith("field \"x\": a java.util.stream.");
      assertThat(byUrl.values()).filteredOn(r -> r.error() == null).hasSize(PAGES - 4)
          .allSatisfy(r -> assertThat(r.ok()).isTrue());
    }
  }

  @Test
  void aJavaExtractorReturningAJsoupElementFailsItsPageOnly() {
    RuleSet rules = new RuleSet(List.of(new Rule("site", UrlPattern.parse("http://a.test/*"), Map.of())));
    RulesPageParser parser = RulesPageParser.builder(rules)
        .field("site", "title", page -> page.page().url().endsWith("/bad")
            ? page.document().selectFirst("title") : page.document().selectFirst("title").text())
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "<title>t</title>"), 2);
        JsonLinesSink sink = JsonLinesSink.to(out, "results")) {
      CrawlSummary summary = new Pipeline(mode, parser, Runnable::run, sink, Clock.systemUTC(), 2)
          .run(new UrlSource(new StringReader("http://a.test/1\nhttp://a.test/bad\nhttp://a.test/2")));
      assertThat(summary.urls()).isEqualTo(3);
    }
    Map<String, CrawlResult> byUrl = lines(out).stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    assertThat(byUrl).hasSize(3);
    assertBad(byUrl.get("http://a.test/bad"), "t",
        "field \"title\": a org.jsoup.nodes.Element is not a JSON value (return a String, number, boolean, list or map)");
    assertThat(byUrl.get("http://a.test/2").data()).isEqualTo(Map.of("title", "t"));
  }

  @Test
  void aJsonFieldDeeperThanTheResultsFileCanHoldFailsItsPageOnly() {
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(
        "{\"rules\": [{\"name\": \"api\", \"url\": \"http://a.test/*\", \"fields\": {\"all\": {\"json\": \"\"}}}]}",
        "rules.json")).build();
    String deepest = "[".repeat(JsonData.MAX_DEPTH) + "]".repeat(JsonData.MAX_DEPTH);
    String deeper = "[" + deepest + "]";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FetchMode mode = Mode.VIRTUAL.open(url -> json(url, url.endsWith("/deeper") ? deeper : deepest), 2);
        JsonLinesSink sink = JsonLinesSink.to(out, "results")) {
      new Pipeline(mode, parser, Runnable::run, sink, Clock.systemUTC(), 2)
          .run(new UrlSource(new StringReader("http://a.test/deepest\nhttp://a.test/deeper")));
    }
    Map<String, CrawlResult> byUrl = lines(out).stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    assertThat(byUrl.get("http://a.test/deepest").error()).isNull();
    CrawlResult failed = byUrl.get("http://a.test/deeper");
    assertThat(failed.error().type()).isEqualTo(ErrorType.EXTRACT_ERROR);
    assertThat(failed.error().message()).isEqualTo("field \"all\": lists and maps nested deeper than 498 levels"
        + " are not JSON the results file can hold: http://a.test/deeper");
  }

  private static FetchResult json(String url, String body) {
    return new FetchResult(url, url, 200, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8),
        Instant.now(), 1, 1);
  }

  private static void assertBad(CrawlResult line, String title, String problem) {
    assertThat(line.error().type()).isEqualTo(ErrorType.EXTRACT_ERROR);
    assertThat(line.error().message()).isEqualTo(problem + ": " + line.url());
    assertThat(line.ok()).isFalse();
    assertThat(line.status()).as("the fetch facts are kept").isEqualTo(200);
    assertThat(line.attempts()).isEqualTo(1);
    assertThat(line.title()).isEqualTo(title);
    assertThat(line.charset()).isEqualTo("UTF-8");
    assertThat(line.data()).isEmpty();
  }

  private static List<CrawlResult> lines(ByteArrayOutputStream out) {
    JsonMapper mapper = ResultJson.mapper();
    return out.toString(StandardCharsets.UTF_8).lines().map(line -> mapper.readValue(line, CrawlResult.class)).toList();
  }
}
