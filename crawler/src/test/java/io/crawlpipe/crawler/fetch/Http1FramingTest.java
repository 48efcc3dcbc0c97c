package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@link Http1Fetcher} reads the framing and codings of a response where OkHttp reads them
 * otherwise (see docs/HTTP.md, Malformed responses), so these are not in {@link FramingContract}.
 */
@Timeout(30)
class Http1FramingTest {
  private RawHttpServer site;
  private Http1Fetcher fetcher;

  @BeforeEach
  void start() throws Exception {
    site = new RawHttpServer();
    fetcher = new Http1Fetcher(FetcherContract.settings(Duration.ofSeconds(5), 1 << 20, 5), 4, FetcherContract.CLOCK);
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    site.close();
  }

  /** The message of the {@code io} failure that fetching {@code response}, then a close, gives. */
  private String ioFailure(String response) {
    site.enqueueThenClose(response);
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/")));
    assertThat(e.type()).as(response).isEqualTo(ErrorType.IO);
    return e.getMessage();
  }

  @Test
  void aStatusLineOrAnInterimResponseThenACloseSaysTheConnectionClosedInsideTheResponseHead() {
    // OkHttp says "connection closed before a response" for the first two (docs/HTTP.md).
    for (String cut : List.of("HTTP/1.1 200 OK\r\n", "HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.1 200 OK\r\nETag: \"e\"\r\n")) {
      assertThat(ioFailure(cut)).as(cut).isEqualTo("connection closed inside the response head");
    }
  }

  @Test
  void upToFourBlankLinesBeforeTheStatusLineAreSkippedAndAFifthIsAnEmptyStatusLine() throws Exception {
    // OkHttp reads the first blank line as the status line (docs/HTTP.md).
    site.enqueue("\r\n\r\n\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
    assertThat(new String(fetcher.fetch(site.url("/")).body(), UTF_8)).isEqualTo("ok");
    assertThat(ioFailure("\r\n".repeat(5) + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        .isEqualTo("unexpected status line: (empty line)");
  }

  @Test
  void aChunkedBodyClosedBetweenItsChunksSaysTheConnectionClosedInsideIt() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (String cut : List.of("5\r\nhello\r\n", "5\r\nhello\r\n3", "5\r\nhello", "5\r\nhello\r\n0\r\nX-Trailer: t\r\n")) {
      assertThat(ioFailure(head + cut)).as(cut).isEqualTo("connection closed inside the chunked body");
    }
    assertThat(ioFailure(head + "5\r\nhel")).isEqualTo("connection closed inside a chunk");
  }

  @Test
  void anEmptyChunkSizeLineOrWhiteSpaceOtherThanSpacesAndTabsAfterTheSizeIsAnInvalidChunkSize() {
    // OkHttp says "invalid chunk size" for any (FramingContract), and reads past a vertical tab or CR after the size.
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertThat(ioFailure(head + "\r\n5\r\nhello\r\n0\r\n\r\n")).isEqualTo("invalid chunk size: (empty line)");
    assertThat(ioFailure(head + " 5\r\nhello\r\n0\r\n\r\n")).isEqualTo("invalid chunk size:  5");
    assertThat(ioFailure(head + "5\u000b;x\r\nhello\r\n0\r\n\r\n")).isEqualTo("invalid chunk size: 5?;x");
    assertThat(ioFailure(head + "5\r\r\nhello\r\n0\r\n\r\n")).isEqualTo("invalid chunk size: 5?");
  }

  @Test
  void aChunkSizeLineOver256KibIsAnIoErrorNamingItNotTheResponseHead() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    String extension = "5;" + "e".repeat(1 << 20) + "\r\nhello\r\n0\r\n\r\n";
    assertThat(ioFailure(head + extension)).isEqualTo("chunk-size line is longer than 262144 bytes");
    String unended = "5\r\nhello\r\n" + "0".repeat(300 * 1024); // no line end before the close
    assertThat(ioFailure(head + unended)).isEqualTo("chunk-size line is longer than 262144 bytes");
  }

  @Test
  void aChunkLongerThanItsSizeSaysSoAtItsFirstExtraByteNotAsALongLine() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertThat(ioFailure(head + "5\r\nhello" + "x".repeat(300 * 1024) + "\r\n0\r\n\r\n")).isEqualTo("chunk not followed by CRLF");
    assertThat(ioFailure(head + "5\r\nhello\rx\r\n0\r\n\r\n")).isEqualTo("chunk not followed by CRLF");
    assertThat(ioFailure(head + "5\r\nhello\r")).isEqualTo("connection closed inside the chunked body");
  }

  @Test
  void aChunkEndedByABareLineFeedIsRead() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    site.enqueue(head + "5\r\nhello\n6\r\n world\r\n0\r\n\r\n");
    assertThat(new String(fetcher.fetch(site.url("/")).body(), UTF_8)).isEqualTo("hello world");
  }

  @Test
  void aTrailerSectionOver256KibIsAnIoErrorNamingItNotTheResponseHead() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    String trailer = ("X-Trailer: " + "t".repeat(1000) + "\r\n").repeat(300);
    assertThat(ioFailure(head + "5\r\nhello\r\n0\r\n" + trailer + "\r\n"))
        .isEqualTo("trailer section is longer than 262144 bytes");
  }

  @Test
  void aChunkSizeLineAndATrailerSectionHave256KibEach() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    String trailer = ("X-Trailer: " + "t".repeat(1000) + "\r\n").repeat(200);
    site.enqueue(head + "5\r\nhello\r\n0;" + "e".repeat(200 * 1024) + "\r\n" + trailer + "\r\n");
    assertThat(new String(fetcher.fetch(site.url("/")).body(), UTF_8)).isEqualTo("hello");
  }

  @Test
  void identityTransferCodingsAreIgnored() throws Exception {
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: identity, chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nworld");
    assertThat(new String(fetcher.fetch(site.url("/chunked")).body(), UTF_8)).isEqualTo("hello");
    assertThat(new String(fetcher.fetch(site.url("/length")).body(), UTF_8)).isEqualTo("world");
  }
}
