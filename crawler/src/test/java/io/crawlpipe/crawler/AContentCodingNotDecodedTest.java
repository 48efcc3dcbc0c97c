package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 2xx body in a content coding crawlpipe does not decode is {@code unsupported_content}, the
 * fetcher having not read it: also when the header is too long for a result to keep whole, and
 * never for a status that has no body.
 */
class AContentCodingNotDecodedTest {
  private final ParseStage stage = new ParseStage(new DefaultPageParser());

  private static FetchResult served(int status, String contentEncoding) {
    return new FetchResult("http://x.test/", "http://x.test/", status, "text/html",
        Map.of("content-encoding", contentEncoding), new byte[0], Instant.EPOCH, 1, 1);
  }

  @Test
  void aContentEncodingTooLongToKeepStillSaysItsBodyWasNotRead() {
    CrawlResult first = stage.parse(served(200, "br" + ", identity".repeat(1000)));
    assertThat(first.ok()).isFalse();
    assertThat(first.error().type()).isEqualTo(ErrorType.UNSUPPORTED_CONTENT);
    assertThat(first.error().message()).startsWith("Content-Encoding 'br' is not decoded");
    CrawlResult last = stage.parse(served(200, ",".repeat(9000) + "x-" + "y".repeat(100) + ", gzip"));
    assertThat(last.error().message()).startsWith("Content-Encoding 'x-unknown, gzip' is not decoded");
    assertThat(stage.parse(served(200, "identity, ".repeat(1000) + "gzip, gzip")).error().message())
        .startsWith("Content-Encoding 'gzip, gzip' is not decoded");
  }

  @Test
  void aContentEncodingTooLongToKeepThatIsReadAsSentStaysSo() {
    FetchResult unknown = served(200, "UTF-8" + ", identity".repeat(1000));
    assertThat(unknown.headers().get("content-encoding")).isEqualTo("UTF-8");
    assertThat(stage.parse(unknown).ok()).isTrue();
    assertThat(served(200, ", identity".repeat(1000)).headers().get("content-encoding")).isEmpty();
  }

  @Test
  void aStatusWithoutABodyIsNotFailedForItsContentCoding() {
    for (int status : new int[] {204, 205}) {
      CrawlResult line = stage.parse(served(status, "br"));
      assertThat(line.ok()).as("status %d", status).isTrue();
      assertThat(line.error()).isNull();
    }
    CrawlResult notModified = stage.parse(served(304, "br"));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.error() == null || notModified.error().type() != ErrorType.UNSUPPORTED_CONTENT).isTrue();
    assertThat(stage.parse(served(200, "br")).error().type()).isEqualTo(ErrorType.UNSUPPORTED_CONTENT);
  }
}
