package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trust store the JVM cannot load ({@code -Djavax.net.ssl.trustStore} naming a PEM file) stops a
 * run that may fetch an {@code https} URL at its start, with one line naming the cause, before any
 * fetch, in every mode: not one failure per URL.
 */
@Timeout(120)
class ABrokenDefaultTrustStoreTest {
  @TempDir Path dir;

  @Test
  void aTrustStoreThatIsNoKeyStoreIsRefusedAtTheStart() throws IOException, InterruptedException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("https://127.0.0.1:1/"));
    for (List<String> mode : List.of(List.of("--mode", "virtual"), List.of("--mode", "processes", "--client", "okhttp"))) {
      Path results = dir.resolve("r.jsonl");
      List<String> args = new java.util.ArrayList<>(mode);
      args.addAll(List.of("--out", results.toString(), urls.toString()));
      CrawlProcess crawl = CrawlProcess.startWithJvmOptions(dir, List.of("-Djavax.net.ssl.trustStore=" + pem),
          args.toArray(String[]::new));
      assertThat(crawl.exitCode()).as(mode.toString()).isEqualTo(2);
      assertThat(crawl.stderr()).as(mode.toString()).isEqualTo("crawl: the default trust store could not be loaded:"
          + " the file ends early (-Djavax.net.ssl.trustStore=" + pem + "; it must be a key store and its password"
          + " right: add a PEM certificate with --ca-cert FILE instead)");
      assertThat(results).doesNotExist();
    }
  }

  @Test
  void anHttpsUrlPastTheCheckedHeadFailsWithTheSameLineWithEitherClient() throws IOException, InterruptedException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    String comments = ("#" + "x".repeat(99) + "\n").repeat(200); // 20 KB, past the 16 KB the start-up check reads
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) { // connects; never answers
      Path urls = Files.writeString(dir.resolve("urls.txt"), comments + "https://127.0.0.1:" + server.getLocalPort() + "/\n");
      assertEachClientFailsWithTheLine(pem, urls);
    }
  }

  private void assertEachClientFailsWithTheLine(Path pem, Path urls) throws IOException, InterruptedException {
    for (String client : List.of("http1", "okhttp")) {
      Path results = dir.resolve("r-" + client + ".jsonl");
      CrawlProcess crawl = CrawlProcess.startWithJvmOptions(dir, List.of("-Djavax.net.ssl.trustStore=" + pem),
          "--ignore-robots", "--retries", "0", "--client", client, "--out", results.toString(), urls.toString());
      assertThat(crawl.exitCode()).as(client + ": " + crawl.stderr()).isEqualTo(1);
      assertThat(Files.readString(results)).as(client).contains("\"type\":\"internal\",\"message\":\"IllegalStateException:"
          + " the default trust store could not be loaded: the file ends early (-Djavax.net.ssl.trustStore=" + pem);
      assertThat(crawl.stderr()).as(client).contains("java.lang.IllegalStateException: the default trust store"
          + " could not be loaded: the file ends early");
    }
  }
}
