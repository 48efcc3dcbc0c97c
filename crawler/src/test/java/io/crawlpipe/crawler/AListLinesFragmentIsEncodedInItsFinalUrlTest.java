package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A list line's fragment is percent-encoded in its {@code final_url} as a redirect's is, with
 * either client, so that the final URL fed back as a list line is a valid URL; its {@code url}
 * stays as written, and its {@code -v} line names no {@code final_url}, as it was not redirected.
 */
@Timeout(60)
class AListLinesFragmentIsEncodedInItsFinalUrlTest {
  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void aListLinesFragmentIsEncodedInItsFinalUrlAsARedirectsIs(FetchClient client) throws IOException {
    try (TestSite site = new TestSite(); LogCapture log = LogCapture.debugOf(Pipeline.class)) {
      String accented = site.url("/page/") + "é#é";
      String quoted = site.url("/page/q") + "#a\"b<c>`d";
      PipelineTest.ListSink sink = new PipelineTest.ListSink();
      new Crawler(CrawlConfig.builder().client(client).build()).crawl(List.of(accented, quoted), sink);

      Map<String, String> finalUrls = sink.results.stream()
          .collect(Collectors.toMap(CrawlResult::url, CrawlResult::finalUrl));
      assertThat(finalUrls).containsOnly(
          Map.entry(accented, site.url("/page/%C3%A9") + "#%C3%A9"),
          Map.entry(quoted, site.url("/page/q") + "#a%22b%3Cc%3E%60d"));
      assertThat(log.lines()).filteredOn(line -> line.startsWith("done url=")).hasSize(2)
          .allSatisfy(line -> assertThat(line).doesNotContain("final_url"));
    }
  }
}
