package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** End to end: {@code --rules} against a local board page, and rule errors before any fetch. */
@Timeout(60)
class RulesOptionTest {
  /** The parser module's fixtures: the board page and the two worked-example rule files. */
  private static final Path FIXTURES = Path.of("..", "parser", "src", "test", "resources", "rules");

  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    byte[] board = Files.readAllBytes(FIXTURES.resolve("board-page.html"));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(request.getUrl().encodedPath().startsWith("/missing") ? 404 : 200)
            .setHeader("Content-Type", "text/html; charset=utf-8").body(new okio.Buffer().write(board)).build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int crawl(Path rules, Path out, String url) throws IOException {
    Path urls = Files.writeString(dir.resolve("urls.txt"), url + "\n");
    return Main.run(new String[] {"-q", "--rules", rules.toString(), "--out", out.toString(), urls.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** A worked-example rule file, pointed at the local server instead of the real board. */
  private Path localRules(String name) throws IOException {
    String json = Files.readString(FIXTURES.resolve(name))
        .replace("https://maoyan.com/board/*", "http://*/board/*");
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void regexAndCssRuleFilesPutTheTenMoviesInData() throws IOException {
    for (String rules : new String[] {"board-regex.json", "board-css.json"}) {
      Path out = dir.resolve(rules + ".jsonl");
      assertThat(crawl(localRules(rules), out, server.url("/board/4").toString())).as(rules).isZero();
      JsonNode line = JsonMapper.builder().build().readTree(Files.readString(out));
      JsonNode movies = line.get("data").get("movies");
      assertThat(movies.size()).as(rules).isEqualTo(10);
      assertThat(movies.get(0).toString()).as(rules).isEqualTo(
          "{\"index\":1,\"title\":\"霸王别姬\",\"actor\":\"张国荣,张丰毅,巩俐\",\"time\":\"1993-01-01\",\"score\":9.5}");
      assertThat(line.get("title").isNull()).isFalse();
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aRunInWhichNoPageMatchedARuleEndsWithOneWarningEvenWithQuiet() throws IOException {
    Path rules = Files.copy(FIXTURES.resolve("board-css.json"), dir.resolve("rules.json"));
    Path urls = Files.writeString(dir.resolve("urls.txt"), server.url("/board/4") + "\n" + server.url("/board/5") + "\n");

    int code = Main.run(new String[] {"-q", "--rules", rules.toString(), "--out", dir.resolve("r.jsonl").toString(),
        urls.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("crawl: warning: no page matched a rule of " + rules
        + " (2 pages); a rule's \"url\" must match the final URL, scheme and port included" + System.lineSeparator());
  }

  @Test
  void theNoMatchWarningIsInTheLogFileTooAndComesBeforeTheSummary() throws IOException {
    Path rules = Files.copy(FIXTURES.resolve("board-css.json"), dir.resolve("rules.json"));
    Path urls = Files.writeString(dir.resolve("urls.txt"), server.url("/board/4") + "\n");
    Path log = dir.resolve("crawl.log");

    int code = Main.run(new String[] {"--log", log.toString(), "--rules", rules.toString(), "--out",
        dir.resolve("r.jsonl").toString(), urls.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    String warning = "no page matched a rule of " + rules + " (1 page)";
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
        .first().asString().startsWith("crawl: warning: " + warning);
    assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains(" WARN ")).singleElement().asString()
        .endsWith(" - " + warning + "; a rule's \"url\" must match the final URL, scheme and port included");
  }

  @Test
  void noWarningWhenNoPageWasParsed() throws IOException {
    Path out = dir.resolve("r.jsonl");
    crawl(FIXTURES.resolve("board-css.json"), out, server.url("/missing").toString()); // 1: --fail-on counts the 404
    assertThat(JsonMapper.builder().build().readTree(Files.readString(out)).get("status").asInt()).isEqualTo(404);
    // -q still prints the summary of a run that exits 1; nothing else
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
        .startsWith("crawl: 1 URL, 0 ok, 1 failed");
  }

  @Test
  void aUrlPatternWithoutItsSchemeExitsTwoWithThePatternMeant() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.json"),
        "{\"rules\":[{\"name\":\"board\",\"url\":\"127.0.0.1:8000/board/*\",\"fields\":{}}]}");
    assertThat(crawl(rules, dir.resolve("r.jsonl"), server.url("/board/1").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("crawl: " + rules + ": rule \"board\": url pattern"
        + " \"127.0.0.1:8000/board/*\" matches no http or https URL: a url pattern matches the whole URL, scheme included:"
        + " try 'http://127.0.0.1:8000/board/*'" + System.lineSeparator());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pageMatchingNoRuleGetsTheDefaultExtractionOnly() throws IOException {
    Path out = dir.resolve("r.jsonl");
    assertThat(crawl(localRules("board-regex.json"), out, server.url("/other").toString())).isZero();
    JsonNode line = JsonMapper.builder().build().readTree(Files.readString(out));
    assertThat(line.get("data").isEmpty()).isTrue();
    assertThat(line.get("ok").asBoolean()).isTrue();
  }

  @Test
  void brokenRulesFileExitsTwoWithOneLineBeforeFetching() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.json"),
        "{\"rules\":[{\"name\":\"b\",\"url\":\"*\",\"fields\":{\"x\":{\"regex\":\"(a\"}}}]}");
    assertThat(crawl(rules, dir.resolve("r.jsonl"), server.url("/board/1").toString())).isEqualTo(2);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertThat(message.lines()).hasSize(1);
    assertThat(message).contains("bad.json").contains("\"b\"").contains("\"x\"");
    assertThat(server.getRequestCount()).isZero();
  }
}
