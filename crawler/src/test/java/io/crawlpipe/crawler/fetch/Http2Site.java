package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * For tests of {@code --client okhttp} over HTTP/2: a {@link MockWebServer} on 127.0.0.1 that
 * speaks HTTP/2 over TLS with a certificate of its own, answering by {@code dispatcher}, and OkHttp
 * fetchers that trust it. Not thread-safe; close it (server and fetchers) at the end of the test.
 */
final class Http2Site implements AutoCloseable {
  private static final HeldCertificate LOOPBACK = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
      .addSubjectAlternativeName("localhost").build();
  /** A certificate for 127.0.0.1 and localhost, for any test server over TLS that {@link #trustingFetcher}s trust. */
  static final HandshakeCertificates SERVING = new HandshakeCertificates.Builder().heldCertificate(LOOPBACK).build();
  private static final HandshakeCertificates TRUSTING =
      new HandshakeCertificates.Builder().addTrustedCertificate(LOOPBACK.certificate()).build();

  private final MockWebServer server = new MockWebServer();
  private PooledFetcher fetcher;

  /** A started site answering by {@code dispatcher} (not null). */
  Http2Site(Dispatcher dispatcher) throws IOException {
    server.useHttps(SERVING.sslSocketFactory());
    server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    server.setDispatcher(Objects.requireNonNull(dispatcher, "dispatcher"));
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  MockWebServer server() {
    return server;
  }

  /** The https URL of {@code path} on the site. */
  String url(String path) {
    return server.url(path).toString();
  }

  /** An OkHttp fetcher with a 10 s timeout and {@code maxBytes}, trusting the site; closed with the site. */
  Fetcher fetcher(long maxBytes) {
    if (fetcher != null) fetcher.close();
    fetcher = trustingFetcher(maxBytes);
    return fetcher;
  }

  /** An OkHttp fetcher with a 10 s timeout and {@code maxBytes} that trusts {@link #SERVING}; the caller closes it. */
  static PooledFetcher trustingFetcher(long maxBytes) {
    FetchSettings settings = new FetchSettings(Duration.ofSeconds(10), maxBytes, 5, "crawlpipe-test/1");
    SharedClient client = new SharedClient(SharedClient.cleartextBuilder(settings, 4).build(),
        b -> b.sslSocketFactory(TRUSTING.sslSocketFactory(), TRUSTING.trustManager()), settings);
    return FetchClient.okhttp(client, settings, Clock.systemUTC());
  }

  @Override
  public void close() throws IOException {
    if (fetcher != null) fetcher.close();
    server.close();
  }
}
