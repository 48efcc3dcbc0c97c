package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An HTTP/2 response body that does not match its {@code Content-Length}, with {@code --client
 * okhttp}: OkHttp's HTTP/2 codec does not check the length, crawlpipe does, as HTTP/1 framing does.
 */
@Timeout(30)
class OkHttpHttp2BodyLengthTest {
  private static final Dispatcher SITE = new Dispatcher() {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "text/plain");
      return switch (request.getTarget()) {
        case "/short" -> response.body("s".repeat(300)).setHeader("Content-Length", "1000").build();
        case "/long" -> response.body("l".repeat(300)).setHeader("Content-Length", "100").build();
        default -> response.body("whole").build();
      };
    }
  };

  @Test
  void aBodyShorterThanItsContentLengthIsAnIoErrorSayingHowMuchIsMissing() throws Exception {
    try (Http2Site site = new Http2Site(SITE)) {
      FetchException e = catchThrowableOfType(FetchException.class, () -> site.fetcher(1 << 20).fetch(site.url("/short")));
      assertThat(e).as("not ok").isNotNull();
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("connection closed with 700 bytes of the body unread");
      assertThat(site.server().takeRequest().getVersion()).isEqualTo("HTTP/2");
    }
  }

  @Test
  void aBodyLongerThanItsContentLengthIsAnIoError() throws Exception {
    try (Http2Site site = new Http2Site(SITE)) {
      FetchException e = catchThrowableOfType(FetchException.class, () -> site.fetcher(1 << 20).fetch(site.url("/long")));
      assertThat(e).as("not ok").isNotNull();
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("body longer than its Content-Length of 100 bytes (300 received)");
    }
  }
}
