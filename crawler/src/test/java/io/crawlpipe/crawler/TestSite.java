package io.crawlpipe.crawler;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A small site on 127.0.0.1 for pipeline tests: {@code /page/N} is an HTML page titled "Page N",
 * {@code /gbk} a GBK page declared by meta charset, {@code /redirect/N} redirects to page N, and
 * anything else is 404. Counts the requests it served.
 */
final class TestSite implements AutoCloseable {
  static final String GBK_TITLE = "新浪首页";
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger requests = new AtomicInteger();

  TestSite() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        return respond(request.getUrl().encodedPath());
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  private static MockResponse respond(String path) {
    if (path.startsWith("/page/")) {
      String n = path.substring("/page/".length());
      return html("<html><head><title>Page " + n + "</title></head><body>" + "lorem ".repeat(50) + "</body></html>");
    }
    if (path.startsWith("/redirect/")) {
      return new MockResponse.Builder().code(301).setHeader("Location", "/page/" + path.substring(10)).build();
    }
    if (path.equals("/gbk")) {
      byte[] gbk = ("<html><head><meta charset=\"gb2312\"><title>" + GBK_TITLE + "</title></head></html>")
          .getBytes(Charset.forName("GBK"));
      return new MockResponse.Builder().setHeader("Content-Type", "text/html").body(new Buffer().write(gbk)).build();
    }
    return new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain").body("not found").build();
  }

  private static MockResponse html(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
  }

  String url(String path) {
    return server.url(path).toString();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
