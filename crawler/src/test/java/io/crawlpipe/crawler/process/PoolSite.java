package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A site on 127.0.0.1 for worker-pool tests: {@code /page/N} is a page titled "Page N";
 * {@code /held/N} is the same page, answered only once {@link #release()} was called (each
 * arrival is counted first); {@code /huge} is a 48 MiB text body; {@code /huge-etag} is a page
 * whose ETag is 200 KB of control characters (over 1 MiB as a JSON string); anything else is 404.
 */
final class PoolSite implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Semaphore arrivals = new Semaphore(0);
  private final CountDownLatch gate = new CountDownLatch(1);

  PoolSite() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return respond(request.getUrl().encodedPath());
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  private MockResponse respond(String path) throws InterruptedException {
    if (path.startsWith("/page/")) return page(path.substring("/page/".length()));
    if (path.startsWith("/held/")) {
      arrivals.release();
      gate.await(30, TimeUnit.SECONDS);
      return page(path.substring("/held/".length()));
    }
    if (path.equals("/huge")) {
      return new MockResponse.Builder().setHeader("Content-Type", "text/plain")
          .body(new Buffer().write(new byte[48 << 20])).build();
    }
    if (path.equals("/huge-etag")) {
      return page("etag").newBuilder().addHeaderLenient("ETag", "x" + "\u0001".repeat(200_000) + "x").build();
    }
    return new MockResponse.Builder().code(404).body("not found").build();
  }

  private static MockResponse page(String n) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
        .body("<html><head><title>Page " + n + "</title></head><body>page " + n + "</body></html>").build();
  }

  String url(String path) {
    return server.url(path).toString();
  }

  /** Waits until {@code n} requests for {@code /held/} pages have arrived; false after 30 s. */
  boolean awaitHeld(int n) throws InterruptedException {
    return arrivals.tryAcquire(n, 30, TimeUnit.SECONDS);
  }

  /** Lets held pages (now and later) be answered. */
  void release() {
    gate.countDown();
  }

  int requests() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    release();
    server.close();
  }
}
