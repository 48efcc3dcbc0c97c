package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.RequestHeader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CrawlConfig.Builder#headers} names a null element by its index. */
class ANullHeaderIsNamedByItsIndexTest {

  @Test
  void aNullElementIsNamedByItsIndex() {
    List<RequestHeader> headers = Arrays.asList(RequestHeader.parse("Accept-Language: de"), null);

    assertThatThrownBy(() -> CrawlConfig.builder().headers(headers)).isInstanceOf(NullPointerException.class)
        .hasMessage("headers[1] is null");
  }
}
