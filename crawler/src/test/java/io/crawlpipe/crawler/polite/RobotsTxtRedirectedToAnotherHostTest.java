package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.Crawler;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hosts whose robots.txt redirects to another host's robots.txt, end to end against servers on
 * 127.0.0.1 (each port a host), counted by the servers: the redirect is a request to the target
 * host, under its {@code --per-host} and {@code --delay}, and the target's robots.txt is fetched
 * once for all of them.
 */
@Timeout(60)
class RobotsTxtRedirectedToAnotherHostTest {
  private static final Duration DELAY = Duration.ofMillis(200);
  /** How long the target host holds its robots.txt while no other request to it is in: long enough to see any. */
  private static final long ROBOTS_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final List<MockWebServer> servers = new ArrayList<>();

  @AfterEach
  void closeServers() {
    servers.forEach(MockWebServer::close);
  }

  /** One request a server saw: its path and when it came (System.nanoTime). */
  private record Seen(String path, long arrivedNanos) {}

  /**
   * A host's server side: answers each path with {@code answer}, recording each request and how
   * many were in at once; robots.txt is held while no other request is in, for {@link
   * #ROBOTS_HOLD_NANOS} at most, when {@code holdRobots}. Thread-safe.
   */
  private static final class CountingHost extends Dispatcher {
    private final boolean holdRobots;
    private final Function<String, MockResponse> answer;
    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private int current;
    private int max;

    CountingHost(boolean holdRobots, Function<String, MockResponse> answer) {
      this.holdRobots = holdRobots;
      this.answer = answer;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      long arrived = System.nanoTime();
      String path = request.getUrl().encodedPath();
      synchronized (lock) {
        max = Math.max(max, ++current);
        lock.notifyAll();
        // robots.txt is held until another request to this host is in, or for a while: one that
        // comes meanwhile is one more in flight than --per-host 1 allows
        long deadline = arrived + ROBOTS_HOLD_NANOS;
        while (holdRobots && path.equals("/robots.txt") && current == 1 && deadline - System.nanoTime() > 0) {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        current--;
      }
      seen.add(new Seen(path, arrived));
      return answer.apply(path);
    }

    List<String> paths() {
      return seen.stream().map(Seen::path).toList();
    }

    List<Long> arrivals() {
      return seen.stream().map(Seen::arrivedNanos).sorted().toList();
    }

    int maxInFlight() {
      synchronized (lock) {
        return max;
      }
    }
  }

  private MockWebServer serve(Dispatcher dispatcher) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    server.start(InetAddress.getLoopbackAddress(), 0);
    servers.add(server);
    return server;
  }

  private static MockResponse page(String path) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>" + path + "</title>").build();
  }

  private static List<CrawlResult> crawl(List<String> urls) {
    Queue<CrawlResult> results = new ConcurrentLinkedQueue<>();
    ResultSink sink = new ResultSink() {
      @Override public void write(CrawlResult result) { results.add(result); }
      @Override public void close() {}
    };
    new Crawler(CrawlConfig.builder().concurrency(16).politeness(new PolitenessSettings(1, DELAY, true)).build())
        .crawl(urls, sink);
    return List.copyOf(results);
  }

  @Test
  void manyHostsRedirectingRobotsTxtToOneHostHaveItFetchedOnceWithinThatHostsPerHostLimitAndDelay() throws IOException {
    CountingHost target = new CountingHost(true, path -> path.equals("/robots.txt")
        ? new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("User-agent: *\nDisallow: /no\n").build()
        : page(path));
    MockWebServer b = serve(target);
    String robots = b.url("/robots.txt").toString();
    List<CountingHost> redirecting = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CountingHost a = new CountingHost(false, path -> path.equals("/robots.txt")
          ? new MockResponse.Builder().code(302).setHeader("Location", robots).build() : page(path));
      redirecting.add(a);
      MockWebServer server = serve(a);
      for (String path : List.of("/a0", "/a1", "/no")) urls.add(server.url(path).toString());
    }
    for (String path : List.of("/b0", "/b1", "/no")) urls.add(b.url(path).toString());

    Map<String, CrawlResult> results = crawl(urls).stream().collect(Collectors.toMap(CrawlResult::url, r -> r));

    assertThat(target.paths()).filteredOn("/robots.txt"::equals).hasSize(1);
    assertThat(target.paths()).containsExactlyInAnyOrder("/robots.txt", "/b0", "/b1");
    assertThat(target.maxInFlight()).isEqualTo(1);
    List<Long> arrivals = target.arrivals();
    for (int i = 1; i < arrivals.size(); i++) {  // --delay 200 ms asked: half of it is a wide margin
      assertThat(arrivals.get(i) - arrivals.get(i - 1)).isGreaterThan(DELAY.toNanos() / 2);
    }
    for (CountingHost a : redirecting) assertThat(a.paths()).containsExactlyInAnyOrder("/robots.txt", "/a0", "/a1");
    assertThat(results).hasSize(urls.size());
    results.forEach((url, result) -> {
      if (url.endsWith("/no")) {
        assertThat(result.error().type()).as(url).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
      } else {
        assertThat(result.ok()).as(url).isTrue();
      }
    });
  }
}
