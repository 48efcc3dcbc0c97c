package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A site on 127.0.0.1 whose slow pages wait for the test: {@code /fast/N} answers at once, {@code
 * /gated/N} only once the gate is opened (or after 30 s), {@code /missing} is a 404. The test waits
 * for gated requests to arrive instead of sleeping: when every slot of a crawl holds a gated URL,
 * every fast URL before them has been stored. Close it (which opens the gate) after each test.
 */
final class GatedSite implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch gate = new CountDownLatch(1);
  private final Semaphore gatedArrivals = new Semaphore(0);
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  GatedSite() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/gated/")) {
          gatedArrivals.release();
          gate.await(30, TimeUnit.SECONDS);
        }
        if (path.equals("/missing")) return new MockResponse.Builder().code(404).body("no").build();
        return new MockResponse.Builder().setHeader("Content-Type", "text/html")
            .body("<title>" + path + "</title>").build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String url(String path) {
    return server.url(path).toString();
  }

  /** {@code fast} fast URLs, then {@code gated} gated ones. */
  List<String> list(int fast, int gated) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < fast; i++) lines.add(url("/fast/" + i));
    for (int i = 0; i < gated; i++) lines.add(url("/gated/" + i));
    return lines;
  }

  /** Waits (at most 20 s) until {@code n} more gated requests have arrived; false on timeout. */
  boolean awaitGated(int n) throws InterruptedException {
    return gatedArrivals.tryAcquire(n, 20, TimeUnit.SECONDS);
  }

  /** How many requests {@code path} received. */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  void openGate() {
    gate.countDown();
  }

  @Override
  public void close() {
    openGate();
    server.close();
  }
}
