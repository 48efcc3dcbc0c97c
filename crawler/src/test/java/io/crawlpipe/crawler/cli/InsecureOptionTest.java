package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code --insecure} ({@code -k}) crawls a site whose certificate is self-signed and names another
 * host, with either client and in every mode, its redirects and robots.txt too, and says so in one warning at
 * the start; without it the site is a {@code tls} failure.
 */
@Timeout(180)
class InsecureOptionTest {
  private static final String WARNING = "crawl: warning: --insecure: server certificates and host names are not checked";
  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    HeldCertificate staging = new HeldCertificate.Builder().addSubjectAlternativeName("staging.test").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(staging).build().sslSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/robots.txt")) {
          return new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("User-agent: *\nDisallow: /private\n").build();
        }
        if (request.getUrl().encodedPath().equals("/moved")) {
          return new MockResponse.Builder().code(301).setHeader("Location", "/page").build();
        }
        return new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>staging</title>").build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return "https://" + InetAddress.getLoopbackAddress().getHostName() + ":" + server.getPort() + path;
  }

  @Test
  void aSelfSignedSiteForAnotherHostIsCrawledWithInsecureOnlyInEveryModeAndClient() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(url("/page"), url("/private"), url("/moved")));
    Path results = dir.resolve("r.jsonl");
    for (String[] run : new String[][] {{"virtual", "http1", "--insecure"}, {"threads", "okhttp", "-k"},
        {"processes", "http1", "-k"}, {"processes", "okhttp", "--insecure"}}) {
      String chosen = String.join(" ", run);
      List<String> options = List.of("-q", "--retries", "0", "--mode", run[0], "--workers", "1",
          "--worker-heap", "64m", "--client", run[1], "--out", results.toString());
      CliRunner without = new CliRunner();
      without.run(args(options, urls));
      assertThat(Files.readAllLines(results)).as(chosen).hasSize(3)
          .allSatisfy(line -> assertThat(line).contains("\"error\":{\"type\":\"tls\""));
      assertThat(without.stderr()).as(chosen).doesNotContain("--insecure");

      CliRunner with = new CliRunner();
      // 1: the URL robots.txt disallows is a failure
      assertThat(with.run(args(options, urls, run[2]))).as(chosen + ": " + with.stderr()).isEqualTo(1);
      List<String> lines = Files.readAllLines(results);
      assertThat(resultOf(lines, "/page")).as(chosen).contains("\"status\":200").contains("\"title\":\"staging\"");
      assertThat(resultOf(lines, "/moved")).as(chosen + ": redirect followed")
          .contains("\"final_url\":\"" + url("/page") + "\"").contains("\"title\":\"staging\"");
      assertThat(resultOf(lines, "/private")).as(chosen + ": robots.txt read").contains("\"type\":\"robots_disallowed\"");
      assertThat(with.stderr()).as(chosen).startsWith(WARNING + "\n").containsOnlyOnce("--insecure");
    }
  }

  @Test
  void caCertBesideInsecureIsReadThenIgnoredSayingSo() throws IOException {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(url("/page")));
    Path results = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--ca-cert", pem.toString(), "-k", "--out", results.toString(), urls.toString()))
        .as(cli.stderr()).isZero();
    assertThat(cli.stderr()).isEqualTo(WARNING + "; --ca-cert is ignored\n");
    assertThat(Files.readString(results)).contains("\"status\":200");

    CliRunner refused = new CliRunner();
    Path missing = dir.resolve("missing.pem");
    assertThat(refused.run("--ca-cert", missing.toString(), "-k", "--out", results.toString(), urls.toString())).isEqualTo(2);
    assertThat(refused.stderr()).isEqualTo("crawl: invalid option --ca-cert: cannot read '" + missing
        + "': no such file or directory\n");
  }

  @Test
  void aTrustStoreTheJvmCannotLoadDoesNotStopAnInsecureRun() throws IOException, InterruptedException {
    Path brokenStore = Files.writeString(dir.resolve("store.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(url("/page")));
    for (String mode : List.of("virtual", "processes")) {
      Path results = dir.resolve("r-" + mode + ".jsonl");
      CrawlProcess crawl = CrawlProcess.startWithJvmOptions(dir, List.of("-Djavax.net.ssl.trustStore=" + brokenStore),
          "-q", "-k", "--mode", mode, "--workers", "1", "--out", results.toString(), urls.toString());
      assertThat(crawl.exitCode()).as(mode + ": " + crawl.stderr()).isZero();
      assertThat(Files.readString(results)).as(mode).contains("\"status\":200").contains("\"title\":\"staging\"");
    }
  }

  /** The one line of {@code lines} whose URL is this server's {@code path}. */
  private String resultOf(List<String> lines, String path) {
    String prefix = "{\"url\":\"" + url(path) + "\"";
    List<String> found = lines.stream().filter(line -> line.startsWith(prefix)).toList();
    assertThat(found).as(path).hasSize(1);
    return found.getFirst();
  }

  private static String[] args(List<String> options, Path urls, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    all.add(urls.toString());
    return all.toArray(String[]::new);
  }
}
