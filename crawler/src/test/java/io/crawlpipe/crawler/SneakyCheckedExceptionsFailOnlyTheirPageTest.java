package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.rules.Rule;
import io.crawlpipe.parser.rules.RuleSet;
import io.crawlpipe.parser.rules.RulesPageParser;
import io.crawlpipe.parser.rules.UrlPattern;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A checked exception thrown where javac does not see it (Kotlin, Groovy, Lombok's
 * {@code @SneakyThrows}) by a Java extractor or a page parser fails that page only, as a runtime
 * one does: it is not taken for the sink's failure, and the crawl goes on.
 */
@Timeout(60)
class SneakyCheckedExceptionsFailOnlyTheirPageTest {
  private static final String URLS = "http://a.test/one\nhttp://a.test/two";

  @Test
  void aJavaExtractorsCheckedExceptionIsItsPagesExtractError() {
    RuleSet rules = new RuleSet(List.of(new Rule("board", UrlPattern.parse("http://a.test/*"), Map.of())));
    RulesPageParser parser = RulesPageParser.builder(rules).field("board", "sneaky", context -> {
      if (context.page().url().endsWith("one")) sneaky(new IOException("from a Kotlin-style extractor"));
      return 1;
    }).build();

    Map<String, CrawlResult> byUrl = crawl(parser);

    CrawlResult one = byUrl.get("http://a.test/one");
    assertThat(one.error().type()).isEqualTo(ErrorType.EXTRACT_ERROR);
    assertThat(one.error().message()).isEqualTo("rule \"board\" field \"sneaky\" failed:"
        + " java.io.IOException: from a Kotlin-style extractor: http://a.test/one");
    assertThat(one.status()).as("the fetch facts are kept").isEqualTo(200);
    assertThat(byUrl.get("http://a.test/two").data()).isEqualTo(Map.of("sneaky", 1));
  }

  @Test
  void aPageParsersCheckedExceptionIsItsPagesInternalFailure() {
    PageParser parser = page -> {
      if (page.url().endsWith("one")) sneaky(new Exception("checked"));
      return new DefaultPageParser().parse(page);
    };

    Map<String, CrawlResult> byUrl = crawl(parser);

    CrawlResult one = byUrl.get("http://a.test/one");
    assertThat(one.error().type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(one.error().message()).isEqualTo("Exception: checked");
    assertThat(byUrl.get("http://a.test/two").error()).isNull();
    assertThat(byUrl.get("http://a.test/two").title()).isEqualTo("t");
  }

  /** Crawls {@link #URLS}, each a 200 page titled "t", and returns the lines by URL; the run must end normally. */
  private static Map<String, CrawlResult> crawl(PageParser parser) {
    List<CrawlResult> out = new CopyOnWriteArrayList<>();
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "<title>t</title>"), 2)) {
      CrawlSummary summary = new Pipeline(mode, parser, Runnable::run, out::add, Clock.systemUTC(), 2)
          .run(new UrlSource(new StringReader(URLS)));
      assertThat(summary.urls()).isEqualTo(2);
    }
    assertThat(out).hasSize(2);
    return out.stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
  }

  /** Throws {@code t}, checked or not, undeclared. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> void sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
