package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --header} reaches the site with every request, robots.txt and redirects included, in every mode. */
@Timeout(60)
class HeaderOptionTest {
  @TempDir Path dir;
  /** Redirects /old to /page; each page's title is the Accept-Language and X-Trace headers it got. */
  private final MockWebServer server = new MockWebServer();
  private final Queue<String> seen = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String headers = request.getHeaders().get("Accept-Language") + "|" + request.getHeaders().values("X-Trace");
        seen.add(request.getTarget() + " " + headers);
        if (request.getTarget().equals("/old")) return new MockResponse.Builder().code(301).setHeader("Location", "/page").build();
        if (request.getTarget().equals("/robots.txt")) return new MockResponse.Builder().code(404).build();
        return new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>" + headers + "</title>").build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyRequestCarriesTheHeadersGivenInEveryModeAndClient() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/old").toString()));
    Path results = dir.resolve("r.jsonl");
    for (String[] run : new String[][] {{"virtual", "http1"}, {"threads", "okhttp"}, {"processes", "http1"}}) {
      String chosen = run[0] + " " + run[1];
      seen.clear();
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--mode", run[0], "--workers", "1", "--worker-heap", "64m", "--client", run[1],
          "-H", "Accept-Language: de-CH", "--header", "X-Trace: one", "-H", "X-Trace:two",
          "--out", results.toString(), urls.toString())).as(chosen).isZero();

      assertThat(Files.readAllLines(results)).as(chosen).singleElement().asString()
          .contains("\"title\":\"de-CH|[one, two]\"");
      assertThat(seen).as(chosen).containsExactly("/robots.txt de-CH|[one, two]", "/old de-CH|[one, two]",
          "/page de-CH|[one, two]");
    }
  }

  @Test
  void withoutTheOptionNoHeaderIsAdded() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/page").toString()));
    Path results = dir.resolve("r.jsonl");
    assertThat(new CliRunner().run("-q", "--ignore-robots", "--out", results.toString(), urls.toString())).isZero();
    assertThat(Files.readAllLines(results)).singleElement().asString().contains("\"title\":\"null|[]\"");
  }
}
