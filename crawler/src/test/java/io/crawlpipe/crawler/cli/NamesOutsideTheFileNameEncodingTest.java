package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A file name the JVM's file-name encoding could not read as given (it holds U+FFFD) or cannot
 * write is refused in one line naming the argument and the encoding (exit 2), whichever argument
 * it is: never an internal error, and never another file opened in its place.
 */
@Timeout(60)
class NamesOutsideTheFileNameEncodingTest extends GatedSiteTestBase {
  private static final String UTF8_REASON = "the name is not valid in the file-name encoding (UTF-8) and cannot be"
      + " opened as given";
  private static final String ASCII_REASON = "the name is not valid in the file-name encoding (ANSI_X3.4-1968)"
      + " and cannot be opened as given; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";

  /** {@code ./crawl --out $'bad\xff.jsonl'} in a UTF-8 locale: the JVM reads {@code \xff} as U+FFFD. */
  @Test
  void aNameWithBytesThatAreNotUtf8IsRefusedWhateverArgumentItIs() throws IOException {
    String bad = dir.resolve("bad\uFFFD.txt").toString();
    String out = dir.resolve("r.jsonl").toString();
    List<List<String>> cases = List.of(List.of("--out", bad), List.of("--stats", bad, "--out", out),
        List.of("--log", bad, "--out", out), List.of("--lock", bad, "--out", out));
    for (List<String> args : cases) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(Stream.concat(args.stream(), Stream.of(urls.toString())).toArray(String[]::new)))
          .as(args.toString()).isEqualTo(2);
      assertThat(cli.stderr()).isEqualTo("crawl: invalid option: " + args.getFirst() + " '" + bad
          + "' is not a valid path: " + UTF8_REASON + "\n");
    }
    CliRunner rules = new CliRunner();
    assertThat(rules.run("--rules", bad, "--out", out, urls.toString())).isEqualTo(2);
    assertThat(rules.stderr()).isEqualTo("crawl: invalid option --rules: '" + bad + "' is not a valid path: " + UTF8_REASON
        + "\n");
    CliRunner list = new CliRunner();
    assertThat(list.run("--out", out, bad)).isEqualTo(2);
    assertThat(list.stderr()).isEqualTo("crawl: cannot read URL file '" + bad + "': " + UTF8_REASON + "\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("urls.txt");
    }
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void extractRefusesSuchANameForItsRulesAndItsPagesToo() throws IOException {
    String bad = dir.resolve("bad\uFFFD.html").toString();
    Path page = Files.writeString(dir.resolve("page.html"), "<title>t</title>");
    CliRunner rules = new CliRunner();
    assertThat(rules.run("extract", "--rules", bad, page.toString())).isEqualTo(2);
    assertThat(rules.stderr()).isEqualTo("crawl: invalid option --rules: '" + bad + "' is not a valid path: " + UTF8_REASON
        + "\n");
    CliRunner pages = new CliRunner();
    assertThat(pages.run("extract", page.toString(), bad)).isEqualTo(2);
    assertThat(pages.stdout()).isEmpty();
    assertThat(pages.stderr()).isEqualTo("crawl: cannot read page '" + bad + "': " + UTF8_REASON + "\n");
  }

  /** {@code env -i ./crawl liste-é.txt}, as cron runs it: the JVM's file-name encoding is ASCII. */
  @Test
  void withoutALocaleANonAsciiNameIsRefusedInOneLineThatSaysToUseAUtf8Locale() throws Exception {
    assumeTrue(System.getProperty("os.name").equals("Linux"), "glibc's C locale is ASCII");
    Files.writeString(dir.resolve("liste-é.txt"), "not a url\n");
    Files.writeString(dir.resolve("args.txt"), "--out données.jsonl\n");
    assertThat(refusal("--out", "r.jsonl", "liste-é.txt")).isEqualTo("crawl: cannot read URL file 'liste-??.txt': "
        + ASCII_REASON);
    assertThat(refusal("--out", "données/r.jsonl", "urls.txt")).isEqualTo("crawl: invalid option: --out "
        + "'donn??es/r.jsonl' is not a valid path: " + ASCII_REASON);
    assertThat(refusal("--rules", "é.json", "--out", "r.jsonl", "urls.txt")).isEqualTo("crawl: invalid option --rules: "
        + "'??.json' is not a valid path: " + ASCII_REASON);
    // an argument file is read as UTF-8: the name is whole, but ASCII cannot hold it
    assertThat(refusal("@args.txt", "urls.txt")).isEqualTo("crawl: invalid option: --out 'donn?es.jsonl' is not a valid"
        + " path: " + ASCII_REASON);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("child-")))
          .containsExactlyInAnyOrder("urls.txt", "liste-é.txt", "args.txt");
    }
    assertThat(site.requests("/fast/0")).isZero();
  }

  /** The stderr of a crawl in a child JVM without a locale, which must exit 2. */
  private String refusal(String... args) throws Exception {
    CrawlProcess crawl = CrawlProcess.startInWithoutLocale(dir, args);
    crawl.process().getOutputStream().close();
    assertThat(crawl.exitCode()).as(crawl.stderr()).isEqualTo(2);
    return crawl.stderr();
  }
}
