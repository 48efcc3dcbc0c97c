package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code crawl extract}'s {@code --url} and {@code --content-type} become what a crawl would record for them. */
class ExtractReadsItsUrlAndTypeAsACrawlReadsAResponseTest {
  @TempDir Path dir;
  private final JsonMapper json = JsonMapper.builder().build();
  private Path rules;
  private Path page;

  @BeforeEach
  void files() throws IOException {
    rules = Files.writeString(dir.resolve("rules.json"), """
        {"rules": [{"name": "local", "url": "http://127.0.0.1:*/*", "fields": {"h": {"css": "h1"}}}]}""");
    page = Files.writeString(dir.resolve("a.html"), "<title>A</title><h1>Hello</h1>");
  }

  @Test
  void aHostWrittenAsANumberIsItsDottedQuadAndTheRulesMatchThat() {
    for (String host : new String[] {"127.1", "0x7f.0.0.1", "2130706433", "127.0.0.01", "0177.0.0.1"}) {
      CliRunner cli = new CliRunner();
      String url = "http://" + host + ":18731/a.html";
      assertThat(cli.run("extract", "--rules", rules.toString(), "--url", url, page.toString())).as(host).isZero();

      JsonNode line = json.readTree(cli.stdout());
      assertThat(line.get("url").asString()).isEqualTo(url);
      assertThat(line.get("final_url").asString()).as(host).isEqualTo("http://127.0.0.1:18731/a.html");
      assertThat(line.get("data").get("h").asString()).as(host).isEqualTo("Hello");
      assertThat(cli.stderr()).contains("rule \"local\"");
    }
  }

  @Test
  void theContentTypeLosesTheWhiteSpaceAroundItAsAHeadersValueDoes() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("extract", "--content-type", "  text/html; charset=utf-8\t", "--url", "http://127.0.0.1/a.html",
        page.toString())).isZero();
    assertThat(json.readTree(cli.stdout()).get("content_type").asString()).isEqualTo("text/html; charset=utf-8");

    CliRunner blank = new CliRunner();
    assertThat(blank.run("extract", "--content-type", "   ", page.toString())).isZero();
    assertThat(json.readTree(blank.stdout()).get("content_type").asString()).as("an empty header's value").isEmpty();
  }
}
