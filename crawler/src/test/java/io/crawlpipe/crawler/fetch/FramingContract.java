package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a server that breaks HTTP/1.1's framing or writes its head
 * oddly, and the words its failures are given: part of {@link FetcherContract}, so that both
 * clients are held to it, with the cases of {@link ContentCodingContract} and {@link
 * FramingHeaderContract}. Each test talks to a {@link RawHttpServer}, which sends bytes as given.
 */
@Timeout(30)
abstract class FramingContract extends ContentCodingContract {
  private static final String OK_SECOND = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond";
  private static final String SMUGGLED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nSMUGGLED";

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
  void aPoolOfConnectionsThatEachGotMoreThanTheirResponseDoesNotFailTheNextRequest() throws Exception {
    int parallel = 6;  // more than a request's resends
    ExecutorService threads = Executors.newFixedThreadPool(parallel);
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      List<Future<FetchResult>> firsts = new java.util.ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        String url = site.url("/first/" + i);
        firsts.add(threads.submit(() -> fetcher.fetch(url)));
      }
      Conditions.await(() -> site.requests().size() == parallel);  // each on a connection of its own
      for (int i = 0; i < parallel; i++) {
        site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst" + SMUGGLED);
      }
      for (Future<FetchResult> first : firsts) assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("first");
      site.enqueue(OK_SECOND);
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    } finally {
      threads.shutdownNow();
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
  void aBodyAfterA304IsNotItsBodyNorTheNextResponse() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 304 Not Modified\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nSMUGGLED");
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      FetchResult notModified = fetcher.fetch(site.url("/1"));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
    }
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
  void a101SwitchingProtocolsIsAnIoErrorAndItsConnectionCarriesNoOtherRequest() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 101 Switching Protocols\r\nUpgrade: foo\r\nConnection: upgrade\r\n\r\n"); // then quiet
      site.enqueue(OK_SECOND);
      Fetcher fetcher = fetcher();
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/1")));
      assertThat(e).isNotNull().hasMessage("unexpected 101 Switching Protocols");
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(text(fetcher.fetch(site.url("/2")))).isEqualTo("second");
      assertThat(site.connectionCount()).as("the switched connection was not reused").isEqualTo(2);
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

  @Test
  void anEmptyGzipBodyIsAnEmptyBodyHoweverItIsFramed() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n";
      site.enqueue(head + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
      site.enqueue(head + "Content-Length: 0\r\n\r\n");
      site.enqueueThenClose(head + "\r\n");
      Fetcher fetcher = fetcher();
      for (String path : List.of("/chunked", "/length", "/until-close")) {
        FetchResult result = fetcher.fetch(site.url(path));
        assertThat(result.status()).as(path).isEqualTo(200);
        assertThat(result.body()).as(path).isEmpty();
      }
    }
  }

  @Test
  void aGzipBodyOfTwoMembersIsDecodedWholeAndBytesAfterItsEndAreIgnored() throws Exception {
    byte[] two = concat(gzip("<title>one"), gzip(" and two</title>"));
    byte[] trailing = concat(gzip("<title>kept</title>"), "\r\n\0\0junk".getBytes(UTF_8));
    try (RawHttpServer site = new RawHttpServer()) {
      for (byte[] body : List.of(two, trailing)) {
        site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
            + body.length + "\r\n\r\n" + new String(body, ISO_8859_1));
      }
      Fetcher fetcher = fetcher();
      assertThat(new String(fetcher.fetch(site.url("/two")).body(), UTF_8)).isEqualTo("<title>one and two</title>");
      assertThat(new String(fetcher.fetch(site.url("/trailing")).body(), UTF_8)).isEqualTo("<title>kept</title>");
    }
  }

  /** {@code count} gzip members of {@code each}, then one of {@code last}. */
  private static byte[] members(int count, String each, String last) throws IOException {
    byte[] one = gzip(each);
    ByteArrayOutputStream all = new ByteArrayOutputStream(count * one.length + 64);
    for (int i = 0; i < count; i++) all.write(one);
    all.write(gzip(last));
    return all.toByteArray();
  }

  /**
   * A hostile server's body of tens of thousands of gzip members, each empty or small, sent
   * without a length: decoded member after member, not by a call per member (the JDK's
   * GZIPInputStream overflowed the stack, an internal failure).
   */
  @Test
  void aGzipBodyOfManyEmptyOrSmallMembersIsDecodedWhole() throws Exception {
    byte[] empties = members(50_000, "", "<title>after 50000 empty members</title>");
    byte[] smalls = members(20_000, "<p>", "</p>");
    try (RawHttpServer site = new RawHttpServer()) {
      for (byte[] body : List.of(empties, smalls)) {
        site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
            + new String(body, ISO_8859_1));
      }
      Fetcher fetcher = fetcher();
      assertThat(text(fetcher.fetch(site.url("/empties")))).isEqualTo("<title>after 50000 empty members</title>");
      assertThat(text(fetcher.fetch(site.url("/smalls")))).isEqualTo("<p>".repeat(20_000) + "</p>");
    }
  }

  @Test
  void aGzipBodyCutOrStalledBetweenItsMembersIsAnErrorNotAShortPage() throws Exception {
    byte[] first = gzip("<title>cut</title>one");
    int length = first.length + gzip("two").length;
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + length
        + "\r\n\r\n";
    ioFailure(head + new String(first, ISO_8859_1), true);  // asserts an io failure
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue(head + new String(first, ISO_8859_1));  // then the connection stays open, silent
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(new FetchSettings(Duration.ofSeconds(1), 1 << 20, 5, "crawlpipe-test/1")).fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
    }
  }

  @Test
  void aGzipBodyStalledInsideItsHeaderTimesOutReadingTheBody() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
          + new String(gzip("<title>stalled</title>"), ISO_8859_1).substring(0, 4)); // then silent, the connection open
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(new FetchSettings(Duration.ofSeconds(1), 1 << 20, 5, "crawlpipe-test/1")).fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e).hasMessage("body incomplete after 1s (--timeout): 0 bytes read");
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** {@code body} gzipped. */
  static byte[] gzip(String body) throws IOException {
    return gzip(body.getBytes(UTF_8));
  }

  /** {@code data} gzipped. */
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
      gz.write(data);
    }
    return gzipped.toByteArray();
  }

  /** The io error's message for a 200 gzip response whose body is {@code body}, framed by its length. */
  private String gzipFailure(byte[] body) throws IOException {
    return ioFailure("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
        + body.length + "\r\n\r\n" + new String(body, ISO_8859_1), false);
  }

  /** The message of the {@code io} failure that fetching {@code response} gives; the connection closes after it if {@code close}. */
  private String ioFailure(String response, boolean close) throws IOException {
    try (RawHttpServer site = new RawHttpServer()) {
      if (close) site.enqueueThenClose(response);
      else site.enqueue(response);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      return e.getMessage();
    }
  }

  @Test
  void aGzipBodyThatIsNotGzipOrIsCorruptOrCutSaysSoInPlainWords() throws Exception {
    byte[] whole = gzip("<p>hello</p>".repeat(20));
    assertThat(gzipFailure("<html>not gzip</html>".getBytes(UTF_8))).isEqualTo("gzip body: not in gzip format");
    byte[] corrupt = whole.clone();
    corrupt[10] = (byte) 0xff; // the first deflate block's header: a reserved block type
    assertThat(gzipFailure(corrupt)).isEqualTo("gzip body: invalid block type");
    assertThat(gzipFailure(java.util.Arrays.copyOf(whole, 14))).isEqualTo("gzip body ends early (compressed data cut)");
    assertThat(gzipFailure(java.util.Arrays.copyOf(whole, whole.length - 4))).isEqualTo("gzip body ends inside its trailer");
    byte[] badCrc = whole.clone();
    badCrc[whole.length - 8] ^= 1;
    assertThat(gzipFailure(badCrc)).startsWith("gzip body: corrupt trailer");
  }

  /**
   * Bytes after a member that begin another, gzip's magic number or its first byte, then end: the
   * body was cut inside that member's header (a transfer cut where a body ends with its
   * connection), an error as {@code gzip -d} reads it, not a short page.
   */
  @Test
  void aGzipBodyCutInsideALaterMembersHeaderIsAnErrorNotAShortPage() throws Exception {
    byte[] first = gzip("<title>cut</title>");
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n";
    for (int cutAt : new int[] {1, 5}) {
      String body = new String(concat(first, java.util.Arrays.copyOf(gzip("lost"), cutAt)), ISO_8859_1);
      assertThat(ioFailure(head + "\r\n" + body, true)).as("until close, " + cutAt)
          .isEqualTo("gzip body ends inside its header");
      assertThat(ioFailure(head + "Content-Length: " + body.length() + "\r\n\r\n" + body, false)).as("length, " + cutAt)
          .isEqualTo("gzip body ends inside its header");
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
  void aContentEncodingListOfOneGzipAndIdentitiesIsDecoded() throws Exception {
    byte[] gzipped = gzip("<title>listed</title>");
    try (RawHttpServer site = new RawHttpServer()) {
      List<String> lists = List.of("identity, gzip", "gzip, identity", "x-gzip,identity");
      for (String list : lists) {
        site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: " + list + "\r\nContent-Length: "
            + gzipped.length + "\r\n\r\n" + new String(gzipped, ISO_8859_1));
      }
      Fetcher fetcher = fetcher();
      for (String list : lists) {
        FetchResult result = fetcher.fetch(site.url("/"));
        assertThat(text(result)).as(list).isEqualTo("<title>listed</title>");
        assertThat(result.headers()).as(list).doesNotContainKey("content-length");
      }
    }
  }

  @Test
  void aMalformedStatusLineIsAnIoErrorQuotingIt() throws Exception {
    assertThat(ioFailure("HTTP/1.1 2OO OK\r\nContent-Type: text/plain\r\n\r\n", true))
        .isEqualTo("unexpected status line: HTTP/1.1 2OO OK");
  }
}
