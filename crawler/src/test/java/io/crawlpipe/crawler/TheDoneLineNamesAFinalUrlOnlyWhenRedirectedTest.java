package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code -v} {@code done} line names a {@code final_url} only for a line that was redirected,
 * not for one the crawl requested as written otherwise (percent-encoded, its host or path
 * normalised), though its results-file {@code final_url} is then written so.
 */
@Timeout(60)
class TheDoneLineNamesAFinalUrlOnlyWhenRedirectedTest {
  /** A path of non-ASCII characters, é written as e and a combining acute accent. */
  private static final String UNENCODED_PATH = "/日本語/e\u0301";

  private static CrawlResult fetched(String url, String finalUrl) {
    return new CrawlResult(url, finalUrl, 200, true, "text/html", 5, null, null, Instant.EPOCH, 3, 1, Map.of(), null);
  }

  @Test
  void aLineOnlyWrittenOtherwiseThanItsFinalUrlWasNotRedirected() {
    assertThat(LineWriter.doneLine(fetched("http://127.0.0.1:8080" + UNENCODED_PATH,
        "http://127.0.0.1:8080/%E6%97%A5%E6%9C%AC%E8%AA%9E/e%CC%81"))).doesNotContain("final_url");
    assertThat(LineWriter.doneLine(fetched("HTTP://0x7f.1:80/a/../b?q=é#top", "http://127.0.0.1/b?q=%C3%A9#top")))
        .isEqualTo("done url=HTTP://0x7f.1:80/a/../b?q=é#top status=200 ms=3 attempts=1 error=-");
  }

  @Test
  void aLineThatEndedElsewhereWasRedirected() {
    assertThat(LineWriter.doneLine(fetched("http://a.test/x", "http://a.test/x/")))
        .startsWith("done url=http://a.test/x final_url=http://a.test/x/ status=200");
    assertThat(LineWriter.doneLine(fetched("http://a.test/é", "http://b.test/%C3%A9")))
        .startsWith("done url=http://a.test/é final_url=http://b.test/%C3%A9 status=200");
  }

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void aCrawledLineWrittenUnencodedHasNoFinalUrlInItsDoneLine(FetchClient client) throws IOException {
    try (TestSite site = new TestSite(); LogCapture log = LogCapture.debugOf(Pipeline.class)) {
      String unencoded = site.url("/").replaceAll("/$", "") + UNENCODED_PATH;
      PipelineTest.ListSink sink = new PipelineTest.ListSink();
      new Crawler(CrawlConfig.builder().client(client).build()).crawl(List.of(unencoded, site.url("/redirect/1")), sink);

      assertThat(sink.results).filteredOn(r -> r.url().equals(unencoded)).singleElement()
          .satisfies(r -> assertThat(r.finalUrl()).isNotEqualTo(unencoded).contains("%E6%97%A5"));
      assertThat(log.lines()).filteredOn(line -> line.startsWith("done url=" + unencoded + " "))
          .singleElement().asString().doesNotContain("final_url");
      assertThat(log.lines()).anySatisfy(line -> assertThat(line)
          .startsWith("done url=" + site.url("/redirect/1") + " final_url=" + site.url("/page/1") + " status=200 "));
    }
  }
}
