package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.internal.http2.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stream the server resets before answering, with {@code --client okhttp} over HTTP/2: a
 * REFUSED_STREAM (the request was not processed) is sent again, uncounted, a few times, on a new
 * connection; a CANCEL on a pooled connection is sent again once as a connection lost while idle;
 * any other reset is the request's answer, an {@code io} failure, never sent again by the fetcher.
 */
@Timeout(30)
class OkHttpHttp2StreamResetTest {
  /**
   * Resets the stream of each of the next {@code resetsLeft} requests with {@code code}, before
   * any response, then answers {@code page}. MockWebServer takes an HTTP/2 stream's effects from
   * {@link #peek}, called before the request is read: the requests go one at a time.
   */
  private static final class Resetting extends Dispatcher {
    private final ErrorCode code;
    final AtomicInteger resetsLeft;
    final AtomicInteger requests = new AtomicInteger();

    Resetting(int resets, ErrorCode code) {
      this.resetsLeft = new AtomicInteger(resets);
      this.code = code;
    }

    @Override
    public MockResponse peek() {
      MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("page");
      if (resetsLeft.get() > 0) response.onResponseStart(new SocketEffect.CloseStream(code.getHttpCode()));
      return response.build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      resetsLeft.updateAndGet(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1));
      return peek();
    }
  }

  @Test
  void aRefusedStreamIsSentAgainUncounted() throws Exception {
    Resetting refusing = new Resetting(3, ErrorCode.REFUSED_STREAM);
    try (Http2Site site = new Http2Site(refusing)) {
      FetchResult result = site.fetcher(1 << 20).fetch(site.url("/page"));
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("page");
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(refusing.requests).hasValue(4);
    }
  }

  @Test
  void aRefusedStreamIsSentAgainOnANewConnectionNotThePooledOne() throws Exception {
    Resetting refusing = new Resetting(0, ErrorCode.REFUSED_STREAM);
    try (Http2Site site = new Http2Site(refusing)) {
      Fetcher fetcher = site.fetcher(1 << 20);
      fetcher.fetch(site.url("/first")); // the connection is pooled: /page goes on it first
      refusing.resetsLeft.set(1);
      FetchResult result = fetcher.fetch(site.url("/page"));

      assertThat(result.attempts()).isEqualTo(1);
      List<Integer> connections = new ArrayList<>();
      for (int i = 0; i < 3; i++) connections.add(site.server().takeRequest().getConnectionIndex());
      assertThat(connections.get(1)).as("refused on the pooled connection").isEqualTo(connections.get(0));
      assertThat(connections.get(2)).as("sent again on a new one").isNotEqualTo(connections.get(1));
    }
  }

  @Test
  void aCancelOnAReusedConnectionIsSentAgainUncountedAsAConnectionClosedWhileIdle() throws Exception {
    // OkHttp fails the open streams of a connection the server closed without a GOAWAY with CANCEL.
    Resetting cancelling = new Resetting(0, ErrorCode.CANCEL);
    try (Http2Site site = new Http2Site(cancelling)) {
      Fetcher fetcher = site.fetcher(1 << 20);
      fetcher.fetch(site.url("/first"));
      cancelling.resetsLeft.set(1);
      FetchResult result = fetcher.fetch(site.url("/page"));

      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("page");
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(cancelling.requests).as("/first, /page cancelled, /page again").hasValue(3);
    }
  }

  @Test
  void aStreamRefusedOnEverySendIsAnIoFailureAfterThreeResends() throws Exception {
    Resetting refusing = new Resetting(Integer.MAX_VALUE, ErrorCode.REFUSED_STREAM);
    try (Http2Site site = new Http2Site(refusing)) {
      FetchException e = catchThrowableOfType(FetchException.class, () -> site.fetcher(1 << 20).fetch(site.url("/page")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("stream was reset: REFUSED_STREAM");
      assertThat(refusing.requests).hasValue(4);
    }
  }

  @Test
  void anotherResetOnAReusedConnectionIsTheAnswerNotSentAgain() throws Exception {
    Resetting failing = new Resetting(0, ErrorCode.INTERNAL_ERROR);
    try (Http2Site site = new Http2Site(failing)) {
      Fetcher fetcher = site.fetcher(1 << 20);
      fetcher.fetch(site.url("/first")); // the connection is pooled: /page goes on it
      failing.resetsLeft.set(Integer.MAX_VALUE);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/page")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("stream was reset: INTERNAL_ERROR");
      assertThat(failing.requests).as("/first, then /page once").hasValue(2);
      assertThat(site.server().takeRequest().getVersion()).isEqualTo("HTTP/2");
    }
  }
}
