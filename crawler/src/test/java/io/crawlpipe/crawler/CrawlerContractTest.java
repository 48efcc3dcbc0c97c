package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the Javadoc of {@link Crawler} promises about its arguments and its calling thread. */
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
}
