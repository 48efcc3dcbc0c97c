package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of what only {@link Http1Fetcher} does share, beside {@link FetcherFixture}'s
 * server: the test's own fetcher ({@link #own}) and raw server ({@link #raw}), each null until the
 * test makes it and closed after the test. Not thread safe: a test's own.
 */
abstract class Http1FetcherFixture extends FetcherFixture {
  RawHttpServer raw;
  Http1Fetcher own;

  @Override
  final ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }

  /** A fetcher that must not set up TLS, over {@code resolver}. */
  static Http1Fetcher withoutTls(FetchSettings settings, Http1Connector.Resolver resolver) {
    return new Http1Fetcher(settings, 4, CLOCK, () -> {
      throw new AssertionError("no TLS here");
    }, resolver);
  }

  @AfterEach
  void closeOwn() throws Exception {
    if (own != null) own.close();
    if (raw != null) raw.close();
  }

  /** A new {@link #own} fetcher: 5 s timeout, 1 MiB limit, 5 redirects. */
  Http1Fetcher own() {
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK);
    return own;
  }

  /** A new {@link #raw} server. */
  RawHttpServer raw() throws Exception {
    raw = new RawHttpServer();
    return raw;
  }

  /** A self-signed certificate for {@code host}: the server's side, and a client side that trusts only it. */
  record Tls(HandshakeCertificates server, HandshakeCertificates client) {
    static Tls forHost(String host) {
      HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
      return new Tls(new HandshakeCertificates.Builder().heldCertificate(held).build(),
          new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build());
    }
  }

  static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }
}
