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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Without --proxy, a run takes its proxies from the environment's variables, as curl does. */
@Timeout(60)
class EnvironmentProxyTest {
  @TempDir Path dir;
  /** Stands in for the proxy and for a loopback site alike: each page's title is the request target it got. */
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/html")
            .body("<title>" + request.getTarget() + "</title>").build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String proxyUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Test
  void httpProxyCarriesOtherHostsWhileLoopbackHostsGoDirect() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://site.test/a", server.url("/b").toString(),
        "http://127.0.0.1:1/refused"));
    Path results = dir.resolve("r.jsonl");
    // processes mode: the workers get the environment's routes in their hello, and read no variables
    for (String[] run : new String[][] {{"virtual", "http1"}, {"virtual", "okhttp"}, {"processes", "http1"}}) {
      String client = run[0] + " " + run[1];
      CliRunner cli = new CliRunner();
      cli.variables.put("http_proxy", proxyUrl());
      assertThat(cli.run("-q", "--mode", run[0], "--workers", "1", "--worker-heap", "64m", "--client", run[1],
          "--ignore-robots", "--retries", "0", "--out", results.toString(), urls.toString())).as(client).isEqualTo(1);

      List<String> lines = Files.readAllLines(results);
      assertThat(lines).as(client).hasSize(3);
      assertThat(lines).as(client).anySatisfy(line -> assertThat(line)
          .contains("\"url\":\"http://site.test/a\"").contains("\"title\":\"http://site.test/a\""));
      assertThat(lines).as(client).anySatisfy(line -> assertThat(line).contains("\"title\":\"/b\""));
      assertThat(lines).as("%s: loopback is never sent to the proxy", client).anySatisfy(line -> assertThat(line)
          .contains("\"url\":\"http://127.0.0.1:1/refused\"").contains("\"type\":\"connect\""));
    }
  }

  @Test
  void theProxyOptionWinsOverTheEnvironment() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://site.test/c"));
    Path results = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    cli.variables.put("http_proxy", "socks5://not-even-usable.test:1080");
    assertThat(cli.run("-q", "--proxy", proxyUrl(), "--ignore-robots", "--out", results.toString(), urls.toString()))
        .isZero();
    assertThat(Files.readAllLines(results)).singleElement().asString().contains("\"title\":\"http://site.test/c\"");
  }

  @Test
  void anUnusableProxyVariableStopsTheRunInOneLineNamingIt() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/"));
    Path results = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    cli.variables.put("HTTPS_PROXY", "socks5://user:hunter2@proxy.test:1080");
    assertThat(cli.run("--out", results.toString(), urls.toString())).isEqualTo(2);
    assertThat(results).doesNotExist();
    assertThat(cli.stderr().strip().lines()).singleElement().asString()
        .isEqualTo("crawl: the environment's HTTPS_PROXY: only http:// proxies are supported"
            + " (use --proxy URL, or NO_PROXY='*' to ignore the proxy variables)");
  }
}
