package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} follows a redirect: its body skipped, its connection kept if it can be, its Location's bytes read. */
class Http1FetcherRedirectTest extends Http1FetcherFixture {
  @Test
  void redirectWithABodyThatEndsOnlyWithTheConnectionIsFollowedAtOnce() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\nmoved, and the server keeps the connection open");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/a"));
    assertThat(text(result)).isEqualTo("ok");
    assertThat(result.finalUrl()).isEqualTo(site.url("/b"));
  }

  @Test
  void aSmallRedirectBodyThatCameWithItsHeadLeavesTheConnectionReused() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\nContent-Length: 5\r\n\r\nmoved");
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /c\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nmoved\r\n3\r\n to\r\n0\r\nX-Trailer: t\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/a"));
    assertThat(text(result)).isEqualTo("ok");
    assertThat(result.finalUrl()).isEqualTo(site.url("/c"));
    assertThat(site.connectionCount()).isEqualTo(1);
  }

  @Test
  void redirectWhoseChunkedBodyStallsIsFollowedAtOnceOnANewConnection() throws Exception {
    for (String stalled : List.of("5\r\nhel", "5\r\nhello", "5\r\nhello\r\n", "5\r\nhello\r\n0", "5\r\nhello\r\n0\r\nX-T: t\r\n")) {
      RawHttpServer site = raw();
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\nTransfer-Encoding: chunked\r\n\r\n" + stalled);
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = own().fetch(site.url("/a"));
      assertThat(text(result)).as(stalled).isEqualTo("ok");
      assertThat(site.connectionCount()).as(stalled).isEqualTo(2);
      own.close();
      site.close();
    }
  }

  @Test
  void redirectWhoseBodyBreaksItsFramingIsFollowedOnANewConnection() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /b\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    assertThat(text(own().fetch(site.url("/a")))).isEqualTo("ok");
    assertThat(site.connectionCount()).isEqualTo(2);
  }

  @Test
  void aRedirectToALocationThatIsNotUtf8IsReadAsLatin1() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 302 Found\r\nLocation: /ok/café\r\nContent-Length: 0\r\n\r\n"); // é as the one byte E9
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    FetchResult result = own().fetch(site.url("/start"));
    assertThat(result.finalUrl()).isEqualTo(site.url("/ok/caf%C3%A9"));
  }

  @Test
  void onlyALocationWhoseBytesAreValidUtf8IsReadAsUtf8() {
    assertThat(ResponseHead.utf8IfValid("/ok/caf\u00c3\u00a9")).isEqualTo("/ok/café"); // C3 A9
    assertThat(ResponseHead.utf8IfValid("/ok/caf\u00e9")).isEqualTo("/ok/café"); // E9 alone: Latin-1
    assertThat(ResponseHead.utf8IfValid("/ok/\u00c0\u00af")).isEqualTo("/ok/\u00c0\u00af"); // overlong '/'
    assertThat(ResponseHead.utf8IfValid("/ok/\u00ed\u00a0\u0080")).isEqualTo("/ok/\u00ed\u00a0\u0080"); // a surrogate
    assertThat(ResponseHead.utf8IfValid("/plain")).isEqualTo("/plain");
  }
}
