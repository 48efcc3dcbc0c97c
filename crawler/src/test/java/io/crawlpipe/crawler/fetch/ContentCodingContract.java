package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.ParseStage;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a body in a content coding other than gzip, and the result
 * line it makes: a coding crawlpipe does not decode (it asks for gzip only) is not read, and is
 * {@code unsupported_content} on a 2xx response, never a page of compressed bytes; a token that
 * names no coding is read as sent. Part of {@link FetcherContract} through {@link FramingContract}.
 */
@Timeout(30)
abstract class ContentCodingContract extends FramingHeaderContract {
  private static final String PAGE = "<title>coded</title>" + "x".repeat(200);
  private static final ParseStage PARSE = new ParseStage(new DefaultPageParser());

  /** {@code body} as a response of {@code status} with {@code Content-Encoding: coding}, framed by its length. */
  private static String response(String status, String coding, byte[] body) {
    return "HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Encoding: " + coding + "\r\nContent-Length: "
        + body.length + "\r\n\r\n" + new String(body, ISO_8859_1);
  }

  private static byte[] deflated(String page) throws Exception {
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(zlib, new Deflater())) {
      out.write(page.getBytes(UTF_8));
    }
    return zlib.toByteArray();
  }

  @Test
  void aBodyInACodingCrawlpipeDoesNotDecodeIsNotReadAndIsUnsupportedContent() throws Exception {
    byte[] twice = FramingContract.gzip(FramingContract.gzip(PAGE));
    List<String> codings = List.of("deflate", "br", "zstd", "compress", "gzip, gzip", "BR", "gzip, br");
    try (RawHttpServer site = new RawHttpServer()) {
      for (String coding : codings) {
        site.enqueue(response("200 OK", coding, coding.startsWith("gzip") ? twice : deflated(PAGE)));
      }
      Fetcher fetcher = fetcher();
      for (String coding : codings) {
        FetchResult result = fetcher.fetch(site.url("/" + coding));
        assertThat(result.body()).as(coding).isEmpty();
        CrawlResult line = PARSE.parse(result);
        assertThat(line.ok()).as(coding).isFalse();
        assertThat(line.status()).as(coding).isEqualTo(200);
        assertThat(line.contentType()).as(coding).isEqualTo("text/html");
        assertThat(line.bytes()).as(coding).isZero();
        assertThat(line.error().type()).as(coding).isEqualTo(ErrorType.UNSUPPORTED_CONTENT);
        assertThat(line.error().message()).as(coding)
            .isEqualTo("Content-Encoding '" + coding + "' is not decoded (crawlpipe asks for gzip only); body not read");
      }
    }
  }

  @Test
  void aTokenThatNamesNoCodingIsReadAsSentButNotBesideGzip() throws Exception {
    List<String> codings = List.of("x-foo", "UTF-8", "identity", "identity, identity", "gzip, UTF-8");
    try (RawHttpServer site = new RawHttpServer()) {
      for (String coding : codings) site.enqueue(response("200 OK", coding, PAGE.getBytes(UTF_8)));
      Fetcher fetcher = fetcher();
      for (String coding : codings.subList(0, 4)) {
        CrawlResult line = PARSE.parse(fetcher.fetch(site.url("/")));
        assertThat(line.error()).as(coding).isNull();
        assertThat(line.title()).as(coding).isEqualTo("coded");
        assertThat(line.bytes()).as(coding).isEqualTo(PAGE.length());
      }
      CrawlResult besideGzip = PARSE.parse(fetcher.fetch(site.url("/")));
      assertThat(besideGzip.error().type()).isEqualTo(ErrorType.UNSUPPORTED_CONTENT);
      assertThat(besideGzip.bytes()).isZero();
    }
  }

  @Test
  void repeatedContentEncodingLinesAreReadAsOneList() throws Exception {
    byte[] once = FramingContract.gzip("<title>twice</title>");
    byte[] twice = FramingContract.gzip(once);
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Encoding: gzip\r\n"
          + "Content-Length: " + twice.length + "\r\n\r\n" + new String(twice, ISO_8859_1));
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Encoding: identity\r\n"
          + "Content-Length: " + once.length + "\r\n\r\n" + new String(once, ISO_8859_1));
      Fetcher fetcher = fetcher();
      CrawlResult doubly = PARSE.parse(fetcher.fetch(site.url("/twice")));
      assertThat(doubly.error().message()).as("gzip twice over: not read")
          .isEqualTo("Content-Encoding 'gzip, gzip' is not decoded (crawlpipe asks for gzip only); body not read");
      assertThat(new String(fetcher.fetch(site.url("/once")).body(), UTF_8)).isEqualTo("<title>twice</title>");
    }
  }

  @Test
  void aNon2xxResponseInACodingCrawlpipeDoesNotDecodeIsItsStatusOnly() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue(response("404 Not Found", "deflate", deflated(PAGE)));
      CrawlResult line = PARSE.parse(fetcher().fetch(site.url("/missing")));
      assertThat(line.status()).isEqualTo(404);
      assertThat(line.error()).isNull();
      assertThat(line.bytes()).isZero();
      assertThat(line.title()).isNull();
    }
  }
}
