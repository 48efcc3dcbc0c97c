package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} says of a failure, whichever client it runs on: its error type and a
 * message in plain words, for a refused or reset connection, a broken response, a name that does
 * not resolve and a certificate not trusted. Run against each client by its subclasses, as {@link
 * FetcherContract} is.
 */
@Timeout(30)
abstract class FailureContract extends FetcherFixture {
  @Test
  void connectionResetMidBodyIsAnIoError() {
    server.enqueue(new MockResponse.Builder().body("w".repeat(100_000))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(url("/reset")));
    assertThat(e.type()).isIn(ErrorType.IO, ErrorType.CONNECT);
  }

  @Test
  void aStatusBelow100IsAnIoErrorNamingIt() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 099 Weird\r\nContent-Length: 0\r\n\r\n");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).isEqualTo("unexpected status line: HTTP/1.1 099 Weird");
      assertThat(e.url()).isEqualTo(site.url("/"));
    }
  }

  @Test
  void aNegativeContentLengthIsAnIoErrorNamingIt() throws Exception {
    List<String> heads = List.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain",
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip",
        "HTTP/1.1 302 Found\r\nLocation: /elsewhere");
    try (RawHttpServer site = new RawHttpServer()) {
      Fetcher fetcher = fetcher();
      for (String head : heads) {
        site.enqueueThenClose(head + "\r\nContent-Length: -5\r\n\r\nhello");
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/")));
        assertThat(e.type()).as(head).isEqualTo(ErrorType.IO);
        assertThat(e.getMessage()).as(head).contains("invalid Content-Length: -5");
      }
    }
  }

  @Test
  void refusedConnectionIsAConnectError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher().fetch("http://127.0.0.1:" + port + "/"));
    assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(e.url()).isEqualTo("http://127.0.0.1:" + port + "/");
    assertThat(e.getMessage()).isEqualTo("connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void unresolvableHostIsADnsError() {
    opened = openWithoutDns(settings(Duration.ofSeconds(5), 1 << 20, 5));
    FetchException e = catchThrowableOfType(FetchException.class, () -> opened.fetch("http://nowhere.invalid/"));
    assertThat(e.type()).isEqualTo(ErrorType.DNS);
    assertThat(e.getMessage()).contains("nowhere.invalid");
  }

  /** The server's side of {@code held}, and a client side trusting {@code anchor} only. */
  private void serveTls(HeldCertificate held, HeldCertificate... chain) {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(held, java.util.Arrays.stream(chain)
        .map(HeldCertificate::certificate).toArray(java.security.cert.X509Certificate[]::new)).build().sslSocketFactory());
  }

  /** A fetcher trusting {@code anchor} only, replacing the test's. */
  private PooledFetcher trusting(HeldCertificate anchor) {    opened = openTrusting(settings(Duration.ofSeconds(5), 1 << 20, 5),
        new HandshakeCertificates.Builder().addTrustedCertificate(anchor.certificate()).build());
    return opened;
  }

  @Test
  void aCertificateTrustedForItsHostIsAccepted() throws Exception {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    serveTls(held);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("secret").build());
    assertThat(new String(trusting(held).fetch(url("/s")).body(), StandardCharsets.UTF_8)).isEqualTo("secret");
  }

  @Test
  void aSelfSignedCertificateIsNotTrustedSaidInPlainWords() {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    HeldCertificate other = new HeldCertificate.Builder().addSubjectAlternativeName(host()).build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(other).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate not trusted (self-signed or unknown issuer)");
  }

  @Test
  void aCertificateForAnotherHostIsRefusedNamingTheHost() {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName("example.org").build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(held).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate does not match host " + host());
  }

  @Test
  void aCertificateNamingTheHostOnlyInItsCommonNameIsRefused() {
    HeldCertificate held = new HeldCertificate.Builder().commonName(host()).build();
    serveTls(held);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(held).fetch(url("/s")));
    assertThat(e).as("refused as browsers refuse it").isNotNull();
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).startsWith("certificate does not match host " + host()).doesNotContain("\n");
  }

  @Test
  void anExpiredCertificateIsSaidToBe() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder().addSubjectAlternativeName(host()).signedBy(root)
        .validityInterval(now - TimeUnit.DAYS.toMillis(30), now - TimeUnit.DAYS.toMillis(1)).build();
    serveTls(expired, root);
    FetchException e = catchThrowableOfType(FetchException.class, () -> trusting(root).fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
    assertThat(e.getMessage()).isEqualTo("certificate expired");
  }
}
