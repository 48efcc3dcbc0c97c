package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the Javadoc of {@link Crawler} and {@link io.crawlpipe.parser.PageParser} promises. */
@Timeout(60)
class CrawlerContractTest {

  @Test
  void aNullArgumentIsRefusedUpFrontByName() {
    Crawler crawler = new Crawler(CrawlConfig.builder().build());
    UrlSource urls = new UrlSource(new StringReader(""));
    ListSink sink = new ListSink();

    assertThatThrownBy(() -> crawler.crawl(urls, sink, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("control");
    assertThatThrownBy(() -> crawler.crawl(urls, null, CrawlControl.unstopped()))
        .isInstanceOf(NullPointerException.class).hasMessage("sink");
    assertThatThrownBy(() -> crawler.crawl((UrlSource) null, sink, CrawlControl.unstopped()))
        .isInstanceOf(NullPointerException.class).hasMessage("urls");
    assertThatThrownBy(() -> crawler.crawl((List<String>) null, sink)).isInstanceOf(NullPointerException.class)
        .hasMessage("urls");
    assertThatThrownBy(() -> CrawlConfig.builder().headers(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("headers");
  }

  @Test
  void aListElementThatIsNullOrHoldsALineBreakIsRefusedBeforeAnythingIsCrawled() {
    Crawler crawler = new Crawler(CrawlConfig.builder().build());
    ListSink sink = new ListSink();

    assertThatThrownBy(() -> crawler.crawl(java.util.Arrays.asList("http://127.0.0.1:1/a", null), sink))
        .isInstanceOf(NullPointerException.class).hasMessage("urls[1] is null");
    assertThatThrownBy(() -> crawler.crawl(List.of("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b"), sink))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("urls[0] holds a line break: one URL per element");
    assertThat(sink.results).isEmpty();
  }

  @Test
  void interruptingTheCallingThreadNeitherStopsTheCrawlNorLosesTheInterrupt() throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 50; i++) urls.add(site.url("/page/" + i));
      ListSink sink = new ListSink();
      boolean interruptedAfter;

      Thread.currentThread().interrupt();  // set through the whole crawl: every wait sees it
      try {
        new Crawler(CrawlConfig.builder().concurrency(4).build()).crawl(urls, sink);
      } finally {
        interruptedAfter = Thread.interrupted();
      }

      assertThat(interruptedAfter).as("the interrupt status kept").isTrue();
      assertThat(sink.results).hasSize(50).allMatch(CrawlResult::ok);
    }
  }

  @Test
  void aParserThatReturnsNullEndsTheUrlAsInternalAndTheRunGoesOn() {
    ListSink sink = new ListSink();
    PageParser parser = page -> page.url().endsWith("/null") ? null : new DefaultPageParser().parse(page);
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "<title>t</title>"), 2)) {
      new Pipeline(mode, parser, Runnable::run, sink, Clock.systemUTC(), 2)
          .run(new UrlSource(new StringReader("http://a.test/null\nhttp://a.test/ok")));
    }

    assertThat(sink.results).filteredOn(r -> r.url().endsWith("/null")).singleElement().satisfies(r -> {
      assertThat(r.error().type()).isEqualTo(ErrorType.INTERNAL);
      assertThat(r.error().message()).isEqualTo("NullPointerException: the page parser returned null");
      assertThat(r.status()).as("lost").isNull();
      assertThat(r.title()).isNull();
    });
    assertThat(sink.results).filteredOn(r -> r.url().endsWith("/ok")).singleElement()
        .satisfies(r -> assertThat(r.title()).isEqualTo("t"));
  }
}
