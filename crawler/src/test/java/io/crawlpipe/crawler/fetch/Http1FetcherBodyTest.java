package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} reads a response's head and body: chunks, interim responses, folded and repeated headers, broken framing. */
class Http1FetcherBodyTest extends Http1FetcherFixture {
  @Test
  void chunkedBodyWithExtensionsAndTrailersIsJoinedAndTheConnectionReused() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
        + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("hello, world");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("next");
    assertThat(site.connectionCount()).isEqualTo(1);
  }

  @Test
  void bodyWithoutLengthEndsWhenTheServerCloses() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("until the end");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("ok");
    assertThat(site.connectionCount()).isEqualTo(2);
  }

  @Test
  void interimResponsesAndFoldedHeadersAreReadPast() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nETag: \"v1\"\r\nContent-Length: 2\r\n\r\nhi");
    FetchResult result = own().fetch(site.url("/"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(result.headers()).containsEntry("etag", "\"v1\"");
    assertThat(text(result)).isEqualTo("hi");
  }

  @Test
  void foldedHeaderLinesAreReadInLinearTime() throws Exception {
    int folds = (Http1Connection.MAX_HEAD_BYTES - 200) / 3;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: a\r\n" + " b\n".repeat(folds)
        + "Content-Length: 2\r\n\r\nok");
    own();
    FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> own.fetch(site.url("/"))); // ~0.1 s cold; was seconds
    assertThat(text(result)).isEqualTo("ok");
    // Read whole to the head's end, then left out of the result: longer than FetchResult keeps.
    assertThat("a" + " b".repeat(folds)).hasSizeGreaterThan(FetchResult.MAX_HEADER_CHARS);
    assertThat(result.headers()).doesNotContainKey("etag").containsKey("content-length");
  }

  @Test
  void aHeaderRepeatedTensOfThousandsOfTimesIsJoinedInLinearTime() throws Exception {
    int repeats = (Http1Connection.MAX_HEAD_BYTES - 200) / 12;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + "connection:\n".repeat(repeats)
        + "Connection: close\r\nContent-Length: 2\r\n\r\nok");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
    own();
    FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> own.fetch(site.url("/a"))); // ~0.1 s cold; was 0.4-2.6 s
    assertThat(text(result)).isEqualTo("ok");
    assertThat(text(own.fetch(site.url("/b")))).isEqualTo("next");
    assertThat(site.connectionCount()).as("the joined Connection still says close").isEqualTo(2);
  }

  @Test
  void aChunkSizeOfMoreThanFifteenDigitsAfterItsLeadingZerosIsRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0001000000000000000\r\nx\r\n0\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e).hasMessage("invalid chunk size: 0001000000000000000");
  }

  @Test
  void malformedStatusLineIsAnIoErrorNamingIt() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("ICY 200 OK\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("unexpected status line: ICY 200 OK");
    assertThat(e.url()).isEqualTo(site.url("/"));
  }

  @Test
  void bodyShorterThanItsContentLengthIsAnIoError() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("5 bytes of the body unread");
  }

  @Test
  void conflictingContentLengthsAreRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("invalid Content-Length");
  }

  @Test
  void malformedFramingHeadersAreIoErrorsNotCrashes() throws Exception {
    RawHttpServer site = raw();
    for (String header : List.of("Content-Length: ,", "Content-Length: +5", "Transfer-Encoding: ,", "Transfer-Encoding: chunked")) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\n" + header + "\r\n\r\nhello\r\n");
      FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
      assertThat(e.type()).as(header).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).as(header).startsWith("invalid ");
      own.close();
    }
  }

  @Test
  void responseHeadOverTheLimitIsRefused() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(Http1Connection.MAX_HEAD_BYTES) + "\r\n\r\n");
    FetchException e = catchThrowableOfType(FetchException.class, () -> own().fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).contains("response head is longer than");
  }

  @Test
  void a408OnANewConnectionIsTheAnswer() throws Exception {
    RawHttpServer site = raw();
    site.enqueueThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nslow");
    FetchResult result = own().fetch(site.url("/"));
    assertThat(result.status()).isEqualTo(408);
    assertThat(text(result)).isEqualTo("slow");
    assertThat(site.requests()).hasSize(1);
  }
}
