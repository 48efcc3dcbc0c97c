package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Content-Type longer than FetchResult keeps is not recorded, but its page is still read by its type and charset. */
class OverlongContentTypeTest {
  private static final String PADDING = "; x=" + "a".repeat(9000);
  private final ParseStage stage = new ParseStage(new DefaultPageParser());

  private static FetchResult served(String contentType, byte[] body) {
    return new FetchResult("http://x.test/", "http://x.test/", 200, contentType, Map.of(), body, Instant.EPOCH, 1, 1);
  }

  @Test
  void aPageWithAnOverlongContentTypeIsDecodedByItsCharsetThoughTheTypeIsNotRecorded() {
    byte[] body = "<title>Привет</title>".getBytes(Charset.forName("windows-1251"));
    CrawlResult line = stage.parse(served("text/html; charset=windows-1251" + PADDING, body));
    assertThat(line.contentType()).isNull();
    assertThat(line.title()).isEqualTo("Привет");
    assertThat(line.charset()).isEqualTo("windows-1251");
  }

  @Test
  void anOverlongTypeKeepsOnlyItsMediaTypeAndTheNameOfItsEncoding() {
    FetchResult result = served("Text/HTML; charset=\"cp1251\"" + PADDING, new byte[0]);
    assertThat(result.contentType()).isNull();
    assertThat(result.contentTypeForParsing()).isEqualTo("text/html; charset=windows-1251");
    assertThat(result.headers()).containsOnlyKeys("content-type");
    FetchResult shortOne = served("text/html; charset=cp1251", new byte[0]);
    assertThat(shortOne.contentTypeForParsing()).isEqualTo("text/html; charset=cp1251");
    assertThat(shortOne.headers()).isEmpty();
  }

  @Test
  void anOverlongTypeThatIsNotTextIsUnsupportedContentNamingItsMediaType() {
    CrawlResult line = stage.parse(served("image/png" + PADDING, new byte[0]));
    assertThat(line.contentType()).isNull();
    assertThat(line.error().type()).isEqualTo(ErrorType.UNSUPPORTED_CONTENT);
    assertThat(line.error().message()).contains("'image/png'");
  }
}
