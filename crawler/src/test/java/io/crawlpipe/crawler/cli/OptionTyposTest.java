package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Mistyped options and values: one line naming what was typed wrong and the nearest option, exit 2. */
@Timeout(30)
class OptionTyposTest {
  @TempDir Path dir;
  private Path urls;

  @BeforeEach
  void list() throws IOException {
    // Never fetched: every run here fails before crawling (port 1 would refuse anyway).
    urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/"));
  }

  private String refused(String... args) {
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args)).as("exit code of %s", List.of(args)).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip().lines()).as("stderr of %s", List.of(args)).hasSize(1);
    return cli.stderr().strip();
  }

  @Test
  void anUnknownOptionIsNamedWithTheNearestOneEvenWhenItsValueWasTakenAsTheUrlFile() {
    assertThat(refused("--rule", "frag.json", urls.toString()))
        .isEqualTo("crawl: unknown option '--rule'; did you mean --rules? (see 'crawl --help')");
    assertThat(refused("--concurency", "10", urls.toString()))
        .isEqualTo("crawl: unknown option '--concurency'; did you mean --concurrency? (see 'crawl --help')");
    assertThat(refused("--verbos", urls.toString()))
        .isEqualTo("crawl: unknown option '--verbos'; did you mean --verbose? (see 'crawl --help')");
    assertThat(refused("--maxtime=5m", urls.toString()))
        .isEqualTo("crawl: unknown option '--maxtime'; did you mean --max-time? (see 'crawl --help')");
    assertThat(refused(urls.toString(), "--no-such-flag"))
        .isEqualTo("crawl: unknown option '--no-such-flag' (see 'crawl --help')");
  }

  @Test
  void aLongOptionTypedWithOneDashIsNamedInsteadOfItsLettersAsShortOptions() {
    assertThat(refused("-concurrency", "5", urls.toString()))
        .isEqualTo("crawl: unknown option '-concurrency'; did you mean --concurrency? (see 'crawl --help')");
    assertThat(refused("-quiet", urls.toString()))
        .isEqualTo("crawl: unknown option '-quiet'; did you mean --quiet? (see 'crawl --help')");
    assertThat(refused("-max-time=5m", urls.toString()))
        .isEqualTo("crawl: unknown option '-max-time'; did you mean --max-time? (see 'crawl --help')");
  }

  @Test
  void anOptionGivenTwiceIsNamedAsTypedShortOrLong() {
    assertThat(refused("-c", "3", "-c", "4", urls.toString()))
        .isEqualTo("crawl: invalid option -c, --concurrency: given more than once; give it once (see 'crawl --help')");
    assertThat(refused("-o", "a.jsonl", "--out", "b.jsonl", urls.toString()))
        .isEqualTo("crawl: invalid option -o, --out: given more than once; give it once (see 'crawl --help')");
  }

  @Test
  void aSecondFileIsAnUnexpectedArgument() {
    assertThat(refused(urls.toString(), "more.txt"))
        .isEqualTo("crawl: unexpected argument 'more.txt': one URL_FILE at most (see 'crawl --help')");
  }

  @Test
  void badValuesReadAsTheChecksAfterParsingDo() {
    assertThat(refused("--concurrency", "lots", urls.toString()))
        .isEqualTo("crawl: invalid option --concurrency: 'lots' is not an int");
    assertThat(refused("-c", "lots", urls.toString()))
        .isEqualTo("crawl: invalid option --concurrency: 'lots' is not an int");
    assertThat(refused("--timeout", "soon", urls.toString()))
        .isEqualTo("crawl: invalid option --timeout: 'soon' is not a duration (e.g. 500ms, 5s, 2m, 1h, 1d, or seconds)");
    assertThat(refused(urls.toString(), "--out"))
        .isEqualTo("crawl: invalid option --out: needs a value (FILE) (see 'crawl --help')");
  }

  @Test
  void extractGivenAfterTheMainCommandsOptionsIsSaidToComeFirst() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.json"), "{\"rules\": []}");
    String first = " ('extract' must be the first argument: see 'crawl extract --help')";
    assertThat(refused("--rules", rules.toString(), "extract", "--url", "https://a.test/", "page.html"))
        .isEqualTo("crawl: unknown option '--url'" + first);
    assertThat(refused("-q", "extract", "page.html"))
        .isEqualTo("crawl: unexpected argument 'page.html': one URL_FILE at most" + first);
    assertThat(refused("-q", "extract"))
        .isEqualTo("crawl: cannot read URL file 'extract': no such file or directory" + first);
    assertThat(refused("--out", "extract", "--url", "https://a.test/", urls.toString()))
        .as("extract as an option's value").isEqualTo("crawl: unknown option '--url' (see 'crawl --help')");
  }

  @Test
  void anUnknownOptionOfExtractIsNamedBeforeItsMissingPage() {
    String help = " (see 'crawl extract --help')";
    assertThat(refused("extract", "--foo")).isEqualTo("crawl: unknown option '--foo'" + help);
    assertThat(refused("extract", "-V")).isEqualTo("crawl: unknown option '-V'" + help);
    assertThat(refused("extract", "--version")).isEqualTo("crawl: unknown option '--version'" + help);
    assertThat(refused("extract", "-w.html")).isEqualTo("crawl: unknown option '-w.html'" + help);
    assertThat(refused("extract", "--rule", "r.json"))
        .isEqualTo("crawl: unknown option '--rule'; did you mean --rules?" + help);
    assertThat(refused("extract", "--url", "-x")).as("an option's value is no option")
        .startsWith("crawl: Missing required parameter: 'PAGE'");
    assertThat(refused("extract", "--", "-x"))
        .as("after --, a page named -x").startsWith("crawl: cannot read page '-x'");
  }

  @Test
  void anUnknownOptionOfExtractInAnArgumentFileIsNamedBeforeItsMissingPage() throws IOException {
    String help = " (see 'crawl extract --help')";
    Path foo = Files.write(dir.resolve("foo.args"), List.of("--foo"));
    assertThat(refused("extract", "@" + foo)).isEqualTo("crawl: unknown option '--foo'" + help);
    Path url = Files.write(dir.resolve("url.args"), List.of("--url"));
    assertThat(refused("extract", "@" + url, "-x")).as("an option's value after its @FILE is no option")
        .startsWith("crawl: Missing required parameter: 'PAGE'");
  }

  @Test
  void aLongOptionTypedWithOneDashInAnArgumentFileIsNamedAsWhenTyped() throws IOException {
    String line = "crawl: unknown option '-concurrency'; did you mean --concurrency? (see 'crawl --help')";
    assertThat(refused("@" + args("-concurrency 5"), urls.toString())).isEqualTo(line);
    assertThat(refused("-q", "@" + args("-concurrency=5"), urls.toString())).isEqualTo(line);
    assertThat(refused("@" + args("--", "-concurrency"), "5")).as("after --, a URL_FILE named -concurrency")
        .isEqualTo(refused("--", "-concurrency", "5"));
    assertThat(refused("extract", "@" + args("-rules r.json"), "page.html"))
        .isEqualTo(refused("extract", "-rules", "r.json", "page.html"))
        .isEqualTo("crawl: unknown option '-rules'; did you mean --rules? (see 'crawl extract --help')");
  }

  @Test
  void extractAfterTheMainCommandsOptionsInAnArgumentFileIsSaidToComeFirst() throws IOException {
    String first = " ('extract' must be the first argument: see 'crawl extract --help')";
    assertThat(refused("-q", "@" + args("extract"), "page.html"))
        .isEqualTo(refused("-q", "extract", "page.html"))
        .isEqualTo("crawl: unexpected argument 'page.html': one URL_FILE at most" + first);
    assertThat(refused("@" + args(urls.toString(), "extract")))
        .isEqualTo(refused(urls.toString(), "extract"))
        .isEqualTo("crawl: unexpected argument 'extract': one URL_FILE at most" + first);
    assertThat(refused("@" + args("extract page.html"))).as("first in an @FILE, which is no subcommand")
        .isEqualTo("crawl: unexpected argument 'page.html': one URL_FILE at most" + first);
    assertThat(refused("@" + args("--out extract --url https://a.test/"), urls.toString()))
        .as("extract as an option's value").isEqualTo("crawl: unknown option '--url' (see 'crawl --help')");
  }

  /** An argument file in {@code dir} holding {@code lines}. */
  private Path args(String... lines) throws IOException {
    return Files.write(Files.createTempFile(dir, "opts", ".args"), List.of(lines));
  }

  @Test
  void nearestKeepsTheClosestOfPicocliSuggestions() {
    assertThat(UsageErrors.nearest("--retry", List.of("--retries", "--retry-backoff", "--resume")))
        .containsExactly("--retries");
    assertThat(UsageErrors.nearest("--x", List.of())).isEmpty();
    assertThat(UsageErrors.distance("kitten", "sitting")).isEqualTo(3);
  }
}
