package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a server that breaks HTTP/1.1's framing or writes its head
 * oddly, and the words its failures are given: part of {@link FetcherContract}, so that both
 * clients are held to it. Each test talks to a {@link RawHttpServer}, which sends bytes as given.
 */
@Timeout(30)
abstract class FramingContract {
  private static final String OK_SECOND = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond";
  private static final String SMUGGLED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nSMUGGLED";

  /** A fetcher with a 10 s timeout, 1 MiB limit and 5 redirects, shared within the test. */
  abstract Fetcher fetcher();

  /** A fetcher with {@code settings}, replacing the test's. */
  abstract Fetcher fetcher(FetchSettings settings);

  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  @Test
  void bytesAServerSentPastItsResponseAreNeverTheNextRequestsResponse() throws Exception {
    List<String> firsts = List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst, and then some more",
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst" + SMUGGLED,
        "HTTP/1.1 204 No Content\r\n\r\n" + SMUGGLED);
    for (String first : firsts) {
      try (RawHttpServer site = new RawHttpServer()) {
        site.enqueue(first);
        site.enqueue(OK_SECOND);
        Fetcher fetcher = fetcher();
        FetchResult one = fetcher.fetch(site.url("/1"));
        assertThat(text(one)).as(first).isIn("first", "");
        FetchResult two = fetcher.fetch(site.url("/2"));
        assertThat(two.status()).as(first).isEqualTo(200);
        assertThat(text(two)).as(first).isEqualTo("second");
      }
    }
  }

  @Test
  void aResponseSentUnaskedOnAnIdleConnectionIsNotTheNextRequests() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst");
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      assertThat(text(fetcher.fetch(site.url("/1")))).isEqualTo("first");
      site.sendUnasked(SMUGGLED); // on loopback, in the client's socket once written
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    }
  }

  @Test
  void aBodyCutShortSaysHowMuchOfItIsMissing() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabcdefgh");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("connection closed with 92 bytes of the body unread");
    }
  }

  @Test
  void aResponseHeadOver256KibIsAnIoErrorSayingSo() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String pad = ("X-Pad: " + "a".repeat(1000) + "\r\n").repeat(300);
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + pad + "Content-Length: 2\r\n\r\nok");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("response head is longer than 262144 bytes");
    }
  }

  @Test
  void aMalformedStatusLineIsAnIoErrorQuotingIt() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 2OO OK\r\nContent-Type: text/plain\r\n\r\n");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("unexpected status line: HTTP/1.1 2OO OK");
    }
  }
}
