package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A list line with user info ends as an {@code invalid_url} line whose {@code url} is the line as
 * written, but its {@code -v} {@code done} line names it without the user info, password included.
 */
@Timeout(60)
class TheDoneLineNamesNoPasswordTest {
  @Test
  void theDoneLineOfALineWithUserInfoLeavesItOut() {
    CrawlResult invalid = Results.invalid("http://user:pass@127.0.0.1:18081/userinfo", "user info", Instant.EPOCH);
    assertThat(LineWriter.doneLine(invalid))
        .startsWith("done url=http://127.0.0.1:18081/userinfo status=null")
        .doesNotContain("user:", "pass@");
    CrawlResult bare = Results.invalid("HTTP:bob:hunter2@a.test/x?q@r", "user info", Instant.EPOCH);
    assertThat(LineWriter.doneLine(bare)).startsWith("done url=HTTP:a.test/x?q@r ").doesNotContain("bob", "hunter2");
  }

  @Test
  void aCrawledLineWithUserInfoIsWrittenAsTypedButLoggedWithoutIt() throws IOException {
    try (TestSite site = new TestSite(); LogCapture log = LogCapture.debugOf(Pipeline.class)) {
      String typed = site.url("/userinfo").replace("http://", "http://alice:s3cret@");
      PipelineTest.ListSink sink = new PipelineTest.ListSink();
      new Crawler(CrawlConfig.builder().build()).crawl(List.of(typed), sink);

      assertThat(sink.results).singleElement().satisfies(r -> {
        assertThat(r.url()).isEqualTo(typed);
        assertThat(r.error().type()).isEqualTo(ErrorType.INVALID_URL);
      });
      assertThat(log.lines()).filteredOn(line -> line.startsWith("done url=")).singleElement().asString()
          .startsWith("done url=" + site.url("/userinfo") + " ").contains("error=invalid_url")
          .doesNotContain("alice", "s3cret");
    }
  }
}
