package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list mixing the lines that a review of how list lines become URLs found mishandled — blanks and
 * invisible characters at a line's ends, user info, other schemes, hosts written as numbers —
 * gets exactly one result per distinct line, each as the line deserves. The environment names a
 * proxy that is not there: only a host that is not loopback would go to it.
 */
@Timeout(60)
class EveryDistinctListLineGetsOneResultTest {
  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void start() throws IOException {
    PathTitles.serve(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "okhttp"})
  void aListMixingOddLinesGetsOneResultPerDistinctLine(String client) throws IOException, InterruptedException {
    String site = "127.0.0.1:" + server.getPort();
    String spaces = " ".repeat(70_000);
    String a = "http://" + site + "/a";
    List<String> list = List.of(a, a + spaces, "\u200b" + a + "\u200e", "\u200b", "http://" + site + "/f" + spaces,
        "http://user:s3cret@" + site + "/ui", "mailto:a@b.c", "javascript:alert(1)", "http:/" + site + "/b",
        "http://" + site + "/zw\u200bx", "http:///" + site + "/c", "http://127.1:" + server.getPort() + "/d",
        "http://2130706433:" + server.getPort() + "/e");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(a, "ok " + a);
    expected.put("http://" + site + "/f", "ok http://" + site + "/f");
    expected.put("http://user:s3cret@" + site + "/ui",
        "invalid_url user info (user:password@) in a URL is not supported: crawlpipe sends no credentials");
    expected.put("mailto:a@b.c", "invalid_url unsupported scheme 'mailto' (only http and https)");
    expected.put("javascript:alert(1)", "invalid_url unsupported scheme 'javascript' (only http and https)");
    expected.put("http:/" + site + "/b", "invalid_url not a valid URL: http: must be followed by //");
    expected.put("http://" + site + "/zw\u200bx", "invalid_url not a valid URL: contains the invisible formatting"
        + " character \\u200b");
    expected.put("http:///" + site + "/c", "invalid_url not a valid URL: no host after http://");
    expected.put("http://127.1:" + server.getPort() + "/d", "ok http://" + site + "/d");
    expected.put("http://2130706433:" + server.getPort() + "/e", "ok http://" + site + "/e");
    Path urls = Files.writeString(dir.resolve("urls.txt"), String.join("\n", list) + "\n", StandardCharsets.UTF_8);
    CliRunner cli = new CliRunner();
    cli.variables.put("http_proxy", "http://127.0.0.1:" + closedPort());

    int exit = cli.run("-q", "--client", client, "--out", "-", urls.toString());

    Map<String, String> results = new LinkedHashMap<>();
    for (JsonNode line : lines(cli.stdout())) {
      assertThat(results.put(line.get("url").asString(), outcome(line))).as("one result for " + line.get("url")).isNull();
    }
    assertThat(results).as(cli.stderr()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(cli.stdout().split("s3cret", -1)).as("the password only in its line's url").hasSize(2);
    assertThat(cli.stderr()).doesNotContain("s3cret");
    assertThat(exit).isEqualTo(1);
    assertThat(paths()).as("one robots.txt: 127.1 and 2130706433 are 127.0.0.1")
        .containsExactlyInAnyOrder("/robots.txt", "/a", "/f", "/d", "/e");
  }

  private List<String> paths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) paths.add(server.takeRequest().getUrl().encodedPath());
    return paths;
  }

  /** "ok FINAL_URL", or "TYPE MESSAGE" for a failure. */
  private static String outcome(JsonNode line) {
    JsonNode error = line.get("error");
    if (error == null || error.isNull()) return (line.get("ok").asBoolean() ? "ok " : "not ok ") + line.get("final_url").asString();
    return error.get("type").asString() + " " + error.get("message").asString();
  }

  private List<JsonNode> lines(String text) {
    List<JsonNode> nodes = new ArrayList<>();
    text.lines().forEach(line -> nodes.add(json.readTree(line)));
    return nodes;
  }

  /** A port on 127.0.0.1 that nothing listens on (as good as certain: it was just free). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
