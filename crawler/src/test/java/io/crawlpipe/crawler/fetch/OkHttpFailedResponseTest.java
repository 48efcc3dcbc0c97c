package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a response that fails while it is open does to its connection, and to the other fetches on
 * it, with OkHttp; and that such a failure over TLS is said as in the clear.
 */
@Timeout(30)
class OkHttpFailedResponseTest {
  private static final HandshakeCertificates SERVING = Http2Site.SERVING;

  private PooledFetcher fetcher;

  @AfterEach
  void close() {
    if (fetcher != null) fetcher.close();
  }

  /** A fetcher with {@code maxBytes} that trusts {@link #SERVING}. */
  private Fetcher fetcher(long maxBytes) {
    if (fetcher != null) fetcher.close();
    fetcher = Http2Site.trustingFetcher(maxBytes);
    return fetcher;
  }

  @Test
  void aFailedResponseOverHttp2LeavesTheOtherFetchesOnItsConnectionRunning() throws Exception {
    assertThat(failureBesideASlowFetchOverHttp2("/big").type()).isEqualTo(ErrorType.TOO_LARGE);
    assertThat(failureBesideASlowFetchOverHttp2("/bad")).hasMessage("redirect to an unusable location: ftp://x/y");
    assertThat(failureBesideASlowFetchOverHttp2("/malformed")).hasMessage("invalid Content-Length: abc");
  }

  /**
   * The failure of fetching {@code path} over HTTP/2 while another fetch reads a body, half sent,
   * on the same connection; that fetch then gets the rest, whole.
   */
  private FetchException failureBesideASlowFetchOverHttp2(String path) throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch rest = new CountDownLatch(1);
    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(SERVING.sslSocketFactory());
      server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "text/plain");
          return switch (request.getTarget()) {
            case "/slow" -> response.body(new HalfThenWait(3000, halfSent, rest)).build();
            case "/big" -> response.body("b".repeat(5000)).build();
            case "/malformed" -> response.body("m").setHeader("Content-Length", "abc").build();
            default -> response.code(302).setHeader("Location", "ftp://x/y").build();
          };
        }
      });
      server.start(InetAddress.getLoopbackAddress(), 0);
      Fetcher fetcher = fetcher(4000);
      CompletableFuture<FetchResult> slow = AsyncFetch.of(fetcher, server.url("/slow").toString());
      assertThat(halfSent.await(10, TimeUnit.SECONDS)).as("the slow body half sent").isTrue();
      FetchException failure = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(server.url(path).toString()));
      rest.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS).body()).as("beside " + path).hasSize(3000);
      for (int i = 0; i < 2; i++) {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getVersion()).as("over HTTP/2").isEqualTo("HTTP/2");
        assertThat(request.getConnectionIndex()).as("one connection for both").isZero();
      }
      return failure;
    }
  }

  @Test
  void aRedirectWithAnEmptyBodyThatCannotBeFollowedLeavesItsConnectionToTheNextFetch() throws Exception {
    // Its body ended with its head: OkHttp gave the connection back to the pool before the fetch failed.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: ftp://x/y\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher(1 << 20);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/a")));
      assertThat(e.getMessage()).isEqualTo("redirect to an unusable location: ftp://x/y");
      assertThat(new String(fetcher.fetch(site.url("/b")).body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(site.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void aBodyPastMaxBytesOnlyOnceReadToItsEndLeavesItsConnectionToTheNextFetch() throws Exception {
    // 5000 bytes once decoded, a few dozen sent: the one read that passes --max-bytes also reaches the body's end.
    byte[] gzip = gzip("a".repeat(5000));
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: "
          + gzip.length + "\r\n\r\n" + new String(gzip, StandardCharsets.ISO_8859_1));
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher(4000);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/a")));
      assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
      assertThat(new String(fetcher.fetch(site.url("/b")).body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(site.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void aChunkSizeLineThatNeverEndsOverTlsIsTheSameIoErrorAsInTheClear() throws Exception {
    try (RawHttpServer site = new RawHttpServer(SERVING.sslContext().getServerSocketFactory())) {
      site.enqueueThenRepeat("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
          "0".repeat(65536));
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher(1 << 20).fetch(site.url("/endless")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("a line of the chunked body's framing is longer than " + OkHttpReadAhead.LIMIT + " bytes");
      Conditions.await(() -> site.repeating() == 0); // the client closed the connection, long before the server's 30 s
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** {@code length} bytes: the first half sent at once, then the rest once {@code rest} is counted down. */
  private record HalfThenWait(long length, CountDownLatch halfSent, CountDownLatch rest) implements MockResponseBody {
    HalfThenWait {
      if (length < 0 || length > Integer.MAX_VALUE) throw new IllegalArgumentException("length out of range: " + length);
      Objects.requireNonNull(halfSent, "halfSent");
      Objects.requireNonNull(rest, "rest");
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8("s".repeat((int) (length / 2))).flush();
      halfSent.countDown();
      try {
        if (!rest.await(10, TimeUnit.SECONDS)) throw new IOException("the test never let the rest go");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      sink.writeUtf8("s".repeat((int) (length - length / 2)));
    }
  }
}
