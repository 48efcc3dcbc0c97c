package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/** Retries, per-host limits, robots.txt and the breaker, end to end against servers on 127.0.0.1. */
@Timeout(60)
class PolitenessCrawlTest {
  private static final RetrySettings QUICK_RETRIES = new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(20));

  private static MockWebServer server(Dispatcher dispatcher) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  private static Map<String, CrawlResult> byUrl(ListSink sink) {
    return sink.results.stream().collect(Collectors.toMap(CrawlResult::url, r -> r));
  }

  @Test
  void flakyEndpointFailingTwiceWith503EndsOkWithThreeAttempts() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    try (MockWebServer server = server(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/robots.txt")) return new MockResponse.Builder().code(404).build();
        return calls.incrementAndGet() <= 2 ? new MockResponse.Builder().code(503).build()
            : new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>back</title>").build();
      }
    })) {
      ListSink sink = new ListSink();
      new Crawler(CrawlConfig.builder().retry(QUICK_RETRIES).build()).crawl(List.of(server.url("/flaky").toString()), sink);
      CrawlResult r = sink.results.peek();
      assertThat(r.ok()).isTrue();
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(r.title()).isEqualTo("back");
    }
  }

  /** In every mode: in processes mode the limit holds across all worker JVMs together. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void requestsInFlightToOneHostNeverExceedPerHostCountedByTheServer(Mode mode) throws IOException {
    int perHost = 3;
    AtomicInteger current = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    Object lock = new Object();
    FaultServer.Route page = (socket, out) -> {
      max.accumulateAndGet(current.incrementAndGet(), Math::max);
      synchronized (lock) {  // hold until perHost requests are here (or briefly, for the last few)
        lock.notifyAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (current.get() < perHost && deadline - System.nanoTime() > 0) {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
      }
      current.decrementAndGet();
      FaultServer.respond(out, 200, "text/html", "<title>p</title>");
    };
    try (FaultServer server = new FaultServer(Map.of("/page", page))) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 30; i++) urls.add(server.url("/page?i=" + i));
      ListSink sink = new ListSink();
      new Crawler(CrawlConfig.builder().mode(mode).concurrency(16)
          .politeness(new PolitenessSettings(perHost, Duration.ZERO, true)).build()).crawl(urls, sink);
      assertThat(sink.results).hasSize(30).allMatch(CrawlResult::ok);
      assertThat(max.get()).isEqualTo(perHost);
    }
  }

  @Test
  void aSlowHostDoesNotDelayTheUrlsOfAFastHost() throws IOException {
    CountDownLatch fastDone = new CountDownLatch(1);
    FaultServer.Route slow = (socket, out) -> {
      // held until every fast URL is stored; if that never happens (the bug this test catches),
      // the first to give up releases all others so the test fails in seconds, not minutes
      if (!fastDone.await(10, TimeUnit.SECONDS)) fastDone.countDown();
      FaultServer.respond(out, 200, "text/html", "<title>slow</title>");
    };
    FaultServer.Route fast = (socket, out) -> FaultServer.respond(out, 200, "text/html", "<title>fast</title>");
    try (FaultServer slowHost = new FaultServer(Map.of("/p", slow)); FaultServer fastHost = new FaultServer(Map.of("/p", fast))) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 100; i++) urls.add(slowHost.url("/p?i=" + i));
      for (int i = 0; i < 100; i++) urls.add(fastHost.url("/p?i=" + i));
      AtomicInteger fastStored = new AtomicInteger();
      ListSink sink = new ListSink();
      ResultSink signalling = new ResultSink() {
        @Override public void write(CrawlResult result) {
          sink.write(result);
          if ("fast".equals(result.title()) && fastStored.incrementAndGet() == 100) fastDone.countDown();
        }
        @Override public void close() {}
      };
      new Crawler(CrawlConfig.builder().concurrency(4).politeness(new PolitenessSettings(2, Duration.ZERO, true))
          .build()).crawl(urls, signalling);
      List<String> order = sink.results.stream().map(CrawlResult::title).toList();
      assertThat(order).hasSize(200);
      assertThat(order.subList(0, 100)).containsOnly("fast");
    }
  }

  @Test
  void circuitOpensOnAFailingHostAndItsRemainingUrlsFailFast() throws IOException {
    try (MockWebServer server = server(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(request.getUrl().encodedPath().equals("/robots.txt") ? 404 : 500).build();
      }
    })) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 20; i++) urls.add(server.url("/broken/" + i).toString());
      ListSink sink = new ListSink();
      CrawlSummary summary = new Crawler(CrawlConfig.builder().politeness(new PolitenessSettings(1, Duration.ZERO, true))
          .breaker(new BreakerSettings(3, Duration.ofMinutes(5))).build()).crawl(urls, sink);
      assertThat(server.getRequestCount()).isEqualTo(1 + 3);
      assertThat(summary.failures()).containsEntry("http_5xx", 3L).containsEntry("circuit_open", 17L);
      assertThat(sink.results).filteredOn(r -> r.error() != null)
          .allSatisfy(r -> assertThat(r.attempts()).isZero())
          .allSatisfy(r -> assertThat(r.error().message()).isEqualTo("circuit open for " + hostKey(server)
              + " after repeated failures (last: status 500); not attempted"));
    }
  }

  @Test
  void aCircuitOpenLineNamesTheConnectFailureThatOpenedIt() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 5; i++) urls.add("http://127.0.0.1:" + closedPort + "/" + i);
    ListSink sink = new ListSink();
    new Crawler(CrawlConfig.builder().politeness(new PolitenessSettings(1, Duration.ZERO, false))
        .retry(new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .breaker(new BreakerSettings(2, Duration.ofMinutes(5))).build()).crawl(urls, sink);
    assertThat(sink.results).filteredOn(r -> r.error().type() == ErrorType.CIRCUIT_OPEN).hasSize(3)
        .allSatisfy(r -> assertThat(r.error().message()).startsWith("circuit open for http://127.0.0.1:" + closedPort + "/"
            + " after repeated failures (last: connect: ").endsWith("); not attempted"));
  }

  private static String hostKey(MockWebServer server) {
    return "http://" + server.getHostName() + ":" + server.getPort() + "/";
  }

  @Test
  void robotsTxtDisallowedUrlsAreRecordedAndNeverRequested() throws IOException {
    List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer server = server(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        paths.add(path);
        if (path.equals("/robots.txt")) {
          return new MockResponse.Builder().setHeader("Content-Type", "text/plain")
              .body("User-agent: *\nDisallow: /private/\n").build();
        }
        return new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>t</title>").build();
      }
    })) {
      ListSink sink = new ListSink();
      new Crawler(CrawlConfig.builder().build())
          .crawl(List.of(server.url("/private/a").toString(), server.url("/public").toString()), sink);
      Map<String, CrawlResult> results = byUrl(sink);
      assertThat(results.get(server.url("/private/a").toString()).error().type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
      assertThat(results.get(server.url("/public").toString()).ok()).isTrue();
      assertThat(paths).containsExactlyInAnyOrder("/robots.txt", "/public");
    }
  }

  @Test
  void robotsTxtServerErrorDisallowsTheHostUnlessRobotsAreIgnored() throws IOException {
    try (MockWebServer server = server(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/robots.txt") ? new MockResponse.Builder().code(500).build()
            : new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>t</title>").build();
      }
    })) {
      List<String> urls = List.of(server.url("/a").toString(), server.url("/b").toString());
      ListSink obeying = new ListSink();
      new Crawler(CrawlConfig.builder().build()).crawl(urls, obeying);
      assertThat(obeying.results).allSatisfy(r -> assertThat(r.error().type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED));
      ListSink ignoring = new ListSink();
      new Crawler(CrawlConfig.builder().politeness(new PolitenessSettings(4, Duration.ZERO, false)).build())
          .crawl(urls, ignoring);
      assertThat(ignoring.results).allMatch(CrawlResult::ok);
    }
  }
}
