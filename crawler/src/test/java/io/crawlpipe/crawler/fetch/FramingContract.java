package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a server that breaks HTTP/1.1's framing or writes its head
 * oddly, and the words its failures are given: part of {@link FetcherContract}, so that both
 * clients are held to it, with the cases of {@link StrayBytesContract} (bytes no request asked
 * for), {@link GzipBodyContract}, {@link ContentCodingContract} and {@link FramingHeaderContract}.
 * Here: {@code Content-Length} lists and malformed values, chunk size lines, heads cut, too long or
 * with an odd status line, folded header lines. Each test talks to a {@link RawHttpServer}, which
 * sends bytes as given.
 */
@Timeout(30)
abstract class FramingContract extends StrayBytesContract {
  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  @Test
  void aContentLengthListOfOneLengthIsThatLength() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5, 5\r\n\r\nhello"); // then stays open
      FetchResult result = fetcher(FetcherContract.settings(Duration.ofSeconds(5), 1 << 20, 5)).fetch(site.url("/"));
      assertThat(text(result)).isEqualTo("hello");
    }
  }

  @Test
  void conflictingContentLengthsAreAnIoErrorNamingThem() throws Exception {
    assertThat(ioFailure("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nContent-Length: 9\r\n\r\n"
        + "hello, you", false)).isEqualTo("invalid Content-Length: 5, 9");
  }

  @Test
  void aMalformedContentLengthIsAnIoErrorNamingItWhetherOrNotTheConnectionCloses() throws Exception {
    for (String length : List.of("abc", "+44", "99999999999999999999999")) {
      for (String head : List.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain", "HTTP/1.1 302 Found\r\nLocation: /elsewhere")) {
        String response = head + "\r\nContent-Length: " + length + "\r\n\r\nhello, you";
        assertThat(ioFailure(response, true)).as(response).isEqualTo("invalid Content-Length: " + length);
        assertThat(ioFailure(response, false)).as(response).isEqualTo("invalid Content-Length: " + length);
      }
    }
  }

  @Test
  void aFoldedHeaderLineAndASpaceBeforeTheColonAreReadAsTheHeaderAndALineWithoutAColonIsSkipped() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=iso-8859-1\r\nETag : \"e\"\r\nNoColonHere\r\n"
          + "Content-Length: 5\r\n\r\ncaf\u00e9!");
      FetchResult result = fetcher().fetch(site.url("/"));
      assertThat(result.contentType()).isEqualTo("text/html; charset=iso-8859-1");
      assertThat(result.headers()).containsEntry("etag", "\"e\"").containsEntry("content-length", "5");
      assertThat(new String(result.body(), ISO_8859_1)).isEqualTo("caf\u00e9!");
    }
  }

  /**
   * A chunk size is hex digits first (RFC 9112: {@code 1*HEXDIG}): white space or a control byte
   * before them is an io error, as a line with none is; spaces and tabs after them, before the end
   * or an extension's {@code ;}, are read past.
   */
  @Test
  void aChunkSizeLineThatDoesNotStartWithAHexDigitIsAnIoErrorAndSpacesAfterTheSizeAreAllowed() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (String size : List.of(" 5", "\t5", "\0\u000b\u000c5\0", "\r\n5", "x5")) {
      assertThat(ioFailure(head + size + "\r\nhello\r\n0\r\n\r\n", false)).as(size).startsWith("invalid chunk size");
    }
    try (RawHttpServer site = new RawHttpServer()) {
      List<String> sizes = List.of("5 ", "5\t", "5 \t;name=value", "0005;x");
      for (String size : sizes) site.enqueue(head + size + "\r\nhello\r\n0 \r\n\r\n");
      Fetcher fetcher = fetcher();
      for (String size : sizes) assertThat(text(fetcher.fetch(site.url("/")))).as(size).isEqualTo("hello");
    }
  }

  @Test
  void aBodyCutShortSaysHowMuchOfItIsMissing() throws Exception {
    assertThat(ioFailure("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabcdefgh", true))
        .isEqualTo("connection closed with 92 bytes of the body unread");
  }

  @Test
  void aResponseHeadOver256KibIsAnIoErrorSayingSo() throws Exception {
    String pad = ("X-Pad: " + "a".repeat(1000) + "\r\n").repeat(300);
    assertThat(ioFailure("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + pad + "Content-Length: 2\r\n\r\nok", false))
        .isEqualTo("response head is longer than 262144 bytes");
  }

  @Test
  void aResponseHeadCutInsideALineSaysTheConnectionClosedInsideIt() throws Exception {
    assertThat(ioFailure("HTTP/1.1 200 OK\r\nContent-Ty", true)).isEqualTo("connection closed inside the response head");
  }

  @Test
  void aStatusLineOfAnHttpVersionOtherThan10Or11IsAnIoErrorQuotingIt() throws Exception {
    assertThat(ioFailure("HTTP/1.2 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok", true))
        .isEqualTo("unexpected status line: HTTP/1.2 200 OK");
  }

  @Test
  void transferEncodingIdentityAloneLeavesTheBodyFramedByItsContentLength() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nhello");
      FetchResult result = fetcher(new FetchSettings(Duration.ofSeconds(2), 1 << 20, 5, "crawlpipe-test/1")).fetch(site.url("/"));
      assertThat(text(result)).isEqualTo("hello");
    }
  }

  @Test
  void aMalformedStatusLineIsAnIoErrorQuotingIt() throws Exception {
    assertThat(ioFailure("HTTP/1.1 2OO OK\r\nContent-Type: text/plain\r\n\r\n", true))
        .isEqualTo("unexpected status line: HTTP/1.1 2OO OK");
  }
}
