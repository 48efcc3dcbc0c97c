package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A name given on the command line that holds a newline, an ESC or another control character is
 * shown escaped in the {@code crawl: ...} lines on stderr (backslash, u, four hex digits): each
 * message stays one line, and no terminal sequence reaches the screen or a cron mail raw. A
 * printable non-ASCII name is shown as it is; the stats file holds the name itself (JSON-escaped).
 */
@Timeout(60)
class ControlCharactersInNamesAreEscapedOnStderrTest extends GatedSiteTestBase {

  /** {@code ./crawl --resume --out $'nl\nname.jsonl' urls.txt}: a warning and the summary, each one line. */
  @Test
  void aNewlineInTheOutputNameIsEscapedInTheWarningAndTheSummary() throws IOException {
    Path out = dir.resolve("nl\nname.jsonl");
    Path stats = dir.resolve("stats.json");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--resume", "--out", out.toString(), "--stats", stats.toString(), urls.toString())).isZero();
    String shown = dir.resolve("nl").toString() + "\\u000aname.jsonl";
    assertThat(cli.stderr().lines()).hasSize(2).allMatch(line -> line.startsWith("crawl: "));
    assertThat(cli.stderr().lines().toList().getFirst())
        .startsWith("crawl: warning: --resume: no earlier results at " + shown + " (nor its .partial)");
    assertThat(cli.stderr().lines().toList().getLast()).endsWith("; results in " + shown);
    assertThat(Files.readAllLines(out)).hasSize(2);
    JsonNode s = JsonMapper.builder().build().readTree(stats.toFile());
    assertThat(s.get("output").asString()).isEqualTo(out.toString());
  }

  /** A list named with a terminal's colour sequence: the error names it with the ESC escaped. */
  @Test
  void anEscInTheListNameIsEscapedInTheError() {
    Path list = dir.resolve("list\033[31mred.txt");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", dir.resolve("r.jsonl").toString(), list.toString())).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: cannot read URL file '" + dir.resolve("list") + "\\u001b[31mred.txt': "
        + "no such file or directory\n");
  }

  /**
   * A list whose name holds the six characters backslash-u000a, not a newline: its backslash is
   * escaped (backslash-u005c), so the name does not read as the one with a newline.
   */
  @Test
  void theTextOfAnEscapeInTheListNameIsNotTakenForOne() {
    Path list = dir.resolve("list\\u000aname.txt");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", dir.resolve("r.jsonl").toString(), list.toString())).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: cannot read URL file '" + dir.resolve("list")
        + "\\u005cu000aname.txt': no such file or directory\n");
  }

  /** {@code crawl extract --url}: the URL and the problem quoting it are escaped once, in the same way. */
  @Test
  void anInvalidUrlOptionIsEscapedOnceInItsLine() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("extract", "--url", "a\\u0041\ue000:x", dir.resolve("p.html").toString())).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: invalid option --url: 'a\\u005cu0041\\ue000:x': unsupported scheme"
        + " 'a\\u005cu0041\\ue000' (only http and https)\n");
  }

  /** What is printable stays as it is: accents, other scripts. */
  @Test
  void aPrintableNonAsciiNameIsShownAsItIs() {
    Path list = dir.resolve("liste-é-日本.txt");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", dir.resolve("r.jsonl").toString(), list.toString())).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: cannot read URL file '" + list + "': no such file or directory\n");
  }

  /** {@code crawl extract} words its lines in the same way. */
  @Test
  void extractEscapesAPageNameToo() {
    Path page = dir.resolve("page\r\n.html");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("extract", page.toString())).isEqualTo(2);
    assertThat(cli.stderr()).startsWith("crawl: cannot read page '" + dir.resolve("page") + "\\u000d\\u000a.html': ")
        .hasLineCount(1);
  }
}
