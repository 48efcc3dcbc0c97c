package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ca-cert} adds a CA to the JDK's trust anchors, with either client and in every mode: a
 * site whose certificate an own CA signed is trusted with it and not without it.
 */
@Timeout(120)
class CaCertOptionTest {
  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  /** A CA made for this test, and no other: no JDK trusts it. */
  private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();

  @BeforeEach
  void start() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    HeldCertificate site = new HeldCertificate.Builder().addSubjectAlternativeName(loopback.getHostName())
        .addSubjectAlternativeName(loopback.getHostAddress()).signedBy(ca).build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(site, ca.certificate()).build().sslSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>inside</title>").build();
      }
    });
    server.start(loopback, 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSiteOfAnOwnCaIsTrustedWithCaCertOnlyInEveryModeAndClient() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/page").toString()));
    Path pem = Files.writeString(dir.resolve("ca.pem"), "# our CA\n" + ca.certificatePem());
    Path results = dir.resolve("r.jsonl");
    for (String[] run : new String[][] {{"virtual", "http1"}, {"threads", "okhttp"}, {"processes", "http1"},
        {"processes", "okhttp"}}) {
      String chosen = run[0] + " " + run[1];
      List<String> options = List.of("-q", "--ignore-robots", "--retries", "0", "--mode", run[0], "--workers", "1",
          "--worker-heap", "64m", "--client", run[1], "--out", results.toString());
      CliRunner without = new CliRunner();
      without.run(args(options, urls));
      assertThat(Files.readAllLines(results)).as(chosen).singleElement().asString()
          .contains("\"error\":{\"type\":\"tls\",\"message\":\"certificate not trusted");

      CliRunner with = new CliRunner();
      assertThat(with.run(args(options, urls, "--ca-cert", pem.toString()))).as(chosen + ": " + with.stderr()).isZero();
      assertThat(Files.readAllLines(results)).as(chosen).singleElement().asString()
          .contains("\"status\":200").contains("\"title\":\"inside\"");
    }
  }

  @Test
  void caCertFilesThatGiveNoCertificateAreRefusedBeforeAnyFetch() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/page").toString()));
    Path missing = dir.resolve("missing.pem");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "# nothing here\n");
    Path broken = Files.writeString(dir.resolve("broken.pem"),
        ca.certificatePem() + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    Path cut = Files.writeString(dir.resolve("cut.pem"), ca.certificatePem().substring(0, 100));
    assertRefused(urls, missing, "crawl: invalid option --ca-cert: cannot read '" + missing + "': no such file or directory");
    assertRefused(urls, empty, "crawl: invalid option --ca-cert: '" + empty
        + "' holds no PEM certificate (no -----BEGIN CERTIFICATE----- line)");
    assertRefused(urls, broken, "crawl: invalid option --ca-cert: '" + broken + "': certificate 2 does not parse");
    assertRefused(urls, cut, "crawl: invalid option --ca-cert: '" + cut
        + "': certificate 1 has no -----END CERTIFICATE----- line");
    assertRefused(urls, dir, "crawl: invalid option --ca-cert: '" + dir + "' is a directory, not a PEM file");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTrustedCertificateBlockAndAFileNamedWithASlashAreRefusedSayingWhy() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/page").toString()));
    String trustedPem = ca.certificatePem().replace("BEGIN CERTIFICATE", "BEGIN TRUSTED CERTIFICATE")
        .replace("END CERTIFICATE", "END TRUSTED CERTIFICATE");
    Path trusted = Files.writeString(dir.resolve("trusted.pem"), trustedPem);
    assertRefused(urls, trusted, "crawl: invalid option --ca-cert: '" + trusted + "' holds no PEM certificate"
        + " (no -----BEGIN CERTIFICATE----- line; a TRUSTED CERTIFICATE block from openssl -trustout is not read:"
        + " export it with openssl x509)");
    Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", dir.resolve("refused.jsonl").toString(), "--ca-cert", pem + "/", urls.toString()))
        .isEqualTo(2);
    assertThat(cli.stderr()).startsWith("crawl: invalid option --ca-cert: cannot read '" + pem + "/': not a directory")
        .hasLineCount(1);
    assertThat(dir.resolve("refused.jsonl")).doesNotExist();
    assertThat(server.getRequestCount()).isZero();
  }

  private void assertRefused(Path urls, Path caCert, String line) {
    CliRunner cli = new CliRunner();
    Path results = dir.resolve("refused.jsonl");
    assertThat(cli.run("--out", results.toString(), "--ca-cert", caCert.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr()).startsWith(line).doesNotContain("\n" + "crawl").endsWith("\n").hasLineCount(1);
    assertThat(results).doesNotExist();
  }

  private static String[] args(List<String> options, Path urls, String... more) {
    List<String> all = new java.util.ArrayList<>(options);
    all.addAll(List.of(more));
    all.add(urls.toString());
    return all.toArray(String[]::new);
  }
}
