package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link TlsTrust#INSECURE} ({@code --insecure}) accepts any server certificate for any host name
 * with either client: self-signed, for another host, expired, naming its host only in its subject
 * CN. Without it each is a {@code tls} failure. TLS itself still happens: plain HTTP on an {@code
 * https} port fails as always.
 */
@Timeout(60)
class InsecureTrustChecksNoServerTest {
  private static final String HOST = InetAddress.getLoopbackAddress().getHostName();
  private static final long DAY = TimeUnit.DAYS.toMillis(1);

  /** Self-signed certificates no JDK trusts, each wrong in its own way besides. */
  private static List<HeldCertificate> certificates() {
    long now = System.currentTimeMillis();
    return List.of(
        new HeldCertificate.Builder().addSubjectAlternativeName("staging.test").build(),
        new HeldCertificate.Builder().addSubjectAlternativeName(HOST).validityInterval(now - 2 * DAY, now - DAY).build(),
        new HeldCertificate.Builder().commonName(HOST).build());
  }

  private static FetchSettings settings(FetchClient client, TlsTrust trust) {
    return new FetchSettings(Duration.ofSeconds(10), 1 << 20, 0, "crawlpipe-test", client).withTrust(trust);
  }

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void anyCertificateForAnyHostIsAcceptedOnlyWhenInsecure(FetchClient client) throws Exception {
    for (HeldCertificate certificate : certificates()) {
      try (MockWebServer server = new MockWebServer()) {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>staging</title>").build());
        server.start(InetAddress.getLoopbackAddress(), 0);
        String url = "https://" + HOST + ":" + server.getPort() + "/";
        String shown = client + " " + certificate.certificate().getSubjectX500Principal();
        try (PooledFetcher checking = client.open(settings(client, TlsTrust.JDK_DEFAULT), 4, Clock.systemUTC())) {
          FetchException e = catchThrowableOfType(FetchException.class, () -> checking.fetch(url));
          assertThat(e).as(shown).isNotNull();
          assertThat(e.type()).as(shown + ": " + e.getMessage()).isEqualTo(ErrorType.TLS);
        }
        try (PooledFetcher insecure = client.open(settings(client, TlsTrust.INSECURE), 4, Clock.systemUTC())) {
          FetchResult result = insecure.fetch(url);
          assertThat(result.status()).as(shown).isEqualTo(200);
          assertThat(new String(result.body(), StandardCharsets.UTF_8)).as(shown).isEqualTo("<title>staging</title>");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void plainHttpOnAnHttpsPortStillFailsTls(FetchClient client) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PooledFetcher fetcher = client.open(settings(client, TlsTrust.INSECURE), 4, Clock.systemUTC())) {
      Thread answering = Thread.ofVirtual().start(() -> {
        try (var socket = server.accept(); var in = socket.getInputStream()) {
          if (in.read() < 0) return; // the client hello's first byte
          socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          socket.shutdownOutput();
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
          // the client went away
        }
      });
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher.fetch("https://127.0.0.1:" + server.getLocalPort() + "/"));
      answering.join();
      assertThat(e.type()).as(e.getMessage()).isEqualTo(ErrorType.TLS);
      assertThat(e.getMessage()).isEqualTo("the server did not answer in TLS (plain HTTP on an https port?)");
    }
  }

  @Test
  void anInsecureTrustTakesNoAuthorityAndIsNoJdkDefault() {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    assertThatThrownBy(() -> new TlsTrust(List.of(ca.certificate()), true))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("an insecure trust checks no certificate, so it takes no authorities");
    assertThat(TlsTrust.INSECURE.isJdkDefault()).isFalse();
    assertThat(TlsTrust.INSECURE.insecure()).isTrue();
    assertThat(TlsTrust.JDK_DEFAULT.insecure()).isFalse();
  }
}
