package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a framing header ({@code Content-Length}, {@code
 * Transfer-Encoding}, {@code Content-Encoding}) written oddly: a space before its colon, its value
 * folded onto the next line, a list of codings or several lines. Either the body as {@code http1}
 * reads it, or, where OkHttp framed it otherwise, an {@code io} error naming the header: never a
 * timeout or another body. Part of {@link FetcherContract} through {@link FramingContract} and
 * {@link ContentCodingContract}.
 */
@Timeout(30)
abstract class FramingHeaderContract extends FetcherFixture {
  private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
  private static final String CHUNKED_HELLO = "5\r\nhello\r\n0\r\n\r\n";

  /** The io failure that fetching {@code response} gives within 3 s, the connection left open. */
  private FetchException ioFailure(String response) throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue(response);
      Fetcher fetcher = fetcher(FetcherContract.settings(Duration.ofSeconds(3), 1 << 20, 5));
      Throwable failure = catchThrowable(() -> fetcher.fetch(site.url("/")));
      assertThat(failure).as(response).isInstanceOf(FetchException.class);
      assertThat(((FetchException) failure).type()).as(response + ": " + failure.getMessage()).isEqualTo(ErrorType.IO);
      return (FetchException) failure;
    }
  }

  /** Asserts that fetching {@code response} gives the body {@code hello}, or an io error quoting {@code header}. */
  private void assertHelloOrRefused(String response, String header) throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue(response); // then the connection stays open
      Fetcher fetcher = fetcher(FetcherContract.settings(Duration.ofSeconds(3), 1 << 20, 5));
      Throwable failure = catchThrowable(() -> {
        FetchResult result = fetcher.fetch(site.url("/"));
        assertThat(new String(result.body(), UTF_8)).as(response).isEqualTo("hello");
      });
      if (failure instanceof AssertionError e) throw e;
      if (failure == null) return;
      assertThat(failure).as(response).isInstanceOf(FetchException.class);
      assertThat(((FetchException) failure).type()).as(response + ": " + failure.getMessage()).isEqualTo(ErrorType.IO);
      assertThat(failure.getMessage()).as(response).contains(header);
    }
  }

  @Test
  void aContentLengthWithASpaceBeforeItsColonOrFoldedFramesTheBodyByItsLength() throws Exception {
    for (String length : List.of("Content-Length : 5", "Content-Length:\r\n 5", "Content-Length:\r\n\t5")) {
      for (boolean close : new boolean[] {false, true}) {
        try (RawHttpServer site = new RawHttpServer()) {
          if (close) site.enqueueThenClose(HEAD + length + "\r\n\r\nhelloEXTRA");
          else site.enqueue(HEAD + length + "\r\n\r\nhelloEXTRA");
          Fetcher fetcher = fetcher(FetcherContract.settings(Duration.ofSeconds(3), 1 << 20, 5));
          FetchResult result = fetcher.fetch(site.url("/"));
          assertThat(new String(result.body(), UTF_8)).as(length + ", close " + close).isEqualTo("hello");
        }
      }
    }
  }

  @Test
  void aTransferEncodingWithASpaceBeforeItsColonOrFoldedIsReadAsHttp1ReadsItOrRefused() throws Exception {
    assertHelloOrRefused(HEAD + "Transfer-Encoding : chunked\r\n\r\n" + CHUNKED_HELLO, "Transfer-Encoding : chunked");
    assertHelloOrRefused(HEAD + "Transfer-Encoding:\r\n chunked\r\n\r\n" + CHUNKED_HELLO, "Transfer-Encoding:\\r\\n chunked");
  }

  @Test
  void aTransferEncodingListOfChunkedAndIdentityIsReadAsHttp1ReadsItOrRefused() throws Exception {
    for (String list : List.of("identity, chunked", "chunked, identity", "chunked,")) {
      assertHelloOrRefused(HEAD + "Transfer-Encoding: " + list + "\r\n\r\n" + CHUNKED_HELLO, "Transfer-Encoding: " + list);
    }
  }

  @Test
  void chunkedThenIdentityOnTwoLinesWithAContentLengthIsAnIoErrorNotTheLengthsBody() throws Exception {
    ioFailure(HEAD + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nhello\r\n");
  }

  @Test
  void anEmptyTransferEncodingIsAnIoErrorQuotingIt() throws Exception {
    assertThat(ioFailure(HEAD + "Transfer-Encoding: \r\nContent-Length: 5\r\n\r\nhello"))
        .hasMessage("invalid Transfer-Encoding '' (it lists no coding)");
  }

  @Test
  void transferEncodingLinesAreReadAsOneList() throws Exception {
    assertThat(ioFailure(HEAD + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + CHUNKED_HELLO))
        .hasMessage("unsupported Transfer-Encoding: gzip, chunked");
  }

  @Test
  void aTransferCodingOtherThanChunkedIsAnIoErrorNotAPageOfCodedBytes() throws Exception {
    byte[] gzipped = FramingContract.gzip("<title>coded</title>");
    String chunk = Integer.toHexString(gzipped.length) + "\r\n" + new String(gzipped, ISO_8859_1) + "\r\n0\r\n\r\n";
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
    assertThat(ioFailure(head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunk))
        .hasMessage("unsupported Transfer-Encoding: gzip, chunked");
    assertThat(ioFailure(head + "Transfer-Encoding: gzip\r\n\r\n" + new String(gzipped, ISO_8859_1)))
        .hasMessage("unsupported Transfer-Encoding: gzip");
    assertThat(ioFailure(head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n" + CHUNKED_HELLO))
        .hasMessage("invalid Transfer-Encoding 'chunked, chunked' (chunked more than once)");
  }

  @Test
  void aRedirectInAnUnsupportedTransferCodingIsFollowedOnANewConnection() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nmoved\r\n0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/a"));
      assertThat(new String(result.body(), UTF_8)).isEqualTo("ok");
      assertThat(result.finalUrl()).isEqualTo(site.url("/b"));
      assertThat(site.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void aFoldedContentEncodingIsDecoded() throws Exception {
    byte[] gzipped = FramingContract.gzip("<title>folded</title>");
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding:\r\n gzip\r\nContent-Length: "
          + gzipped.length + "\r\n\r\n" + new String(gzipped, ISO_8859_1));
      assertThat(new String(fetcher().fetch(site.url("/")).body(), UTF_8)).isEqualTo("<title>folded</title>");
    }
  }

  @Test
  void aValueFoldedOntoAnEmptyFirstLineHasNoSpaceBeforeIt() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type:\r\n text/html\r\nContent-Length: 2\r\n\r\nhi");
      assertThat(fetcher().fetch(site.url("/")).contentType()).isEqualTo("text/html");
    }
  }

  @Test
  void aWhiteSpaceLedFirstHeaderLineIsIgnored() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\n Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
      FetchResult result = fetcher().fetch(site.url("/"));
      assertThat(result.contentType()).isNull();
      assertThat(result.headers()).doesNotContainKey("content-type");
    }
  }
}
