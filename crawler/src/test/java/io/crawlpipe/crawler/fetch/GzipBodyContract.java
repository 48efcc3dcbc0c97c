package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with a gzip body, however it is framed: empty, of many members,
 * with bytes after its end, not gzip at all, corrupt, cut or stalled, and the words its failures
 * are given. Part of {@link FetcherContract} through {@link FramingContract}, which with {@link
 * StrayBytesContract} uses its helpers {@link #ioFailure} and {@link #gzip}. Each
 * test talks to a {@link RawHttpServer}, which sends bytes as given.
 */
@Timeout(30)
abstract class GzipBodyContract extends ContentCodingContract {
  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  /** The message of the {@code io} failure that fetching {@code response} gives; the connection closes after it if {@code close}. */
  String ioFailure(String response, boolean close) throws IOException {
    try (RawHttpServer site = new RawHttpServer()) {
      if (close) site.enqueueThenClose(response);
      else site.enqueue(response);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      return e.getMessage();
    }
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

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** {@code count} gzip members of {@code each}, then one of {@code last}. */
  private static byte[] members(int count, String each, String last) throws IOException {
    byte[] one = gzip(each);
    ByteArrayOutputStream all = new ByteArrayOutputStream(count * one.length + 64);
    for (int i = 0; i < count; i++) all.write(one);
    all.write(gzip(last));
    return all.toByteArray();
  }

  /** The io error's message for a 200 gzip response whose body is {@code body}, framed by its length. */
  private String gzipFailure(byte[] body) throws IOException {
    return ioFailure("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
        + body.length + "\r\n\r\n" + new String(body, ISO_8859_1), false);
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
}
