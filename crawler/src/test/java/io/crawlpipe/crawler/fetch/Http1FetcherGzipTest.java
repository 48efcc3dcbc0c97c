package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} reads a gzip body: its compressed bytes bounded, an empty one, one cut short. */
class Http1FetcherGzipTest extends Http1FetcherFixture {
  /** A gzip member's header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
  private static final String GZIP_HEADER = "\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u00ff";

  /** A deflate block that is not the last, stored, of length 0: decodes to nothing. */
  private static final String EMPTY_STORED_BLOCK = "\u0000\u0000\u0000\u00ff\u00ff";

  @Test
  void gzipThatDecodesToNothingIsTooLargeOnceItsCompressedBytesPassTheLimit() throws Exception {
    long max = 16 * 1024;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + GZIP_HEADER
        + EMPTY_STORED_BLOCK.repeat((int) (2 * max / 5))); // then the server stalls, as if it went on for ever
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), max, 5), 4, CLOCK);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    long limit = Http1BodyReader.compressedLimit(max);
    assertThat(e).hasMessage("gzip body is more than " + limit + " compressed bytes; at most " + limit + " are read for --max-bytes " + max);
  }

  @Test
  void gzipDeclaredLongerThanItsCompressedLimitIsTooLargeWithoutReadingIt() throws Exception {
    long max = 1000;
    long declared = Http1BodyReader.compressedLimit(max) + 1;
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + declared
        + "\r\n\r\n" + GZIP_HEADER); // the rest never comes
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), max, 5), 4, CLOCK);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    assertThat(e).hasMessage("gzip body is declared " + declared + " compressed bytes; at most " + (declared - 1)
        + " are read for --max-bytes 1000");
  }

  @Test
  void anEmptyGzipBodyIsAnEmptyBody() throws Exception {
    // As curl and browsers read it; OkHttp fails on the chunked one with a bare EOFException.
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n");
    site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n");
    own();
    for (String path : List.of("/chunked", "/length", "/until-close")) {
      FetchResult result = own.fetch(site.url(path));
      assertThat(result.status()).as(path).isEqualTo(200);
      assertThat(result.body()).as(path).isEmpty();
    }
    assertThat(site.connectionCount()).as("the chunked one's connection reused").isEqualTo(1);
  }

  @Test
  void aGzipBodyCutShortInItsHeaderOrTrailerIsAnIoErrorSayingSo() throws Exception {
    java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(gzipped)) {
      gz.write("<p>hello</p>".getBytes(UTF_8));
    }
    String whole = gzipped.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    RawHttpServer site = raw();
    own();
    for (String cut : List.of(whole.substring(0, 4), whole.substring(0, whole.length() - 4))) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + cut.length()
          + "\r\n\r\n" + cut);
      FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage(cut.length() == 4 ? "gzip body ends inside its header" : "gzip body ends inside its trailer");
    }
  }
}
