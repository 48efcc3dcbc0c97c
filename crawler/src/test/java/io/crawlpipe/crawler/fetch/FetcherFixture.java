package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What the fetcher contracts ({@link FetcherContract} and its siblings) and the client's own tests
 * share: a {@link MockWebServer} on loopback, started before each test and closed after it, and
 * the fetcher under test, opened on {@link #client()} with a pool for a few connections and closed
 * after the test. Not thread safe: the fixture is a test's own, as JUnit makes one per test.
 */
@Timeout(30)
abstract class FetcherFixture {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  final MockWebServer server = new MockWebServer();
  /** The fetcher the test opened last, closed after it; null until one is opened. */
  PooledFetcher opened;

  /** The client the tests run on; never null. */
  abstract ClientUnderTest client();

  /** A fetcher with {@code settings} and a pool for a few connections; closed after the test. */
  final PooledFetcher open(FetchSettings settings) {
    return client().open(settings);
  }

  /** A fetcher whose name lookups all fail with UnknownHostException, without asking any resolver. */
  final PooledFetcher openWithoutDns(FetchSettings settings) {
    return client().openWithoutDns(settings);
  }

  /** A fetcher that trusts only what {@code trusting} trusts, for TLS. */
  final PooledFetcher openTrusting(FetchSettings settings, HandshakeCertificates trusting) {
    return client().openTrusting(settings, trusting);
  }

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    if (opened != null) opened.close();
  }

  /** A fetcher with {@code settings}, replacing (and closing) the one the test opened before. */
  final Fetcher fetcher(FetchSettings settings) {
    if (opened != null) opened.close();
    opened = open(settings);
    return opened;
  }

  static FetchSettings settings(Duration timeout, long maxBytes, int maxRedirects) {
    return new FetchSettings(timeout, maxBytes, maxRedirects, "crawlpipe-test/1");
  }

  /** A fetcher with a 10 s timeout, 1 MiB limit and 5 redirects, replacing the test's. */
  final Fetcher fetcher() {
    return fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5));
  }

  /** {@code path} on the test's {@link #server}. */
  final String url(String path) {
    return server.url(path).toString();
  }

  /** The host name of the test's {@link #server}. */
  final String host() {
    return server.url("/").host();
  }
}
