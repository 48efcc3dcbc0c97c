package io.crawlpipe.crawler.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules} or {@code --ca-cert} and a URL list or page that would both read the one standard input. Without the
 * check, a run would read this JVM's real standard input, which no interrupt ends: so the timeout
 * runs the test in a thread of its own, to fail rather than hang.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StdinReadersTest {
  private static final String RULES = "{\"rules\":[{\"name\":\"t\",\"url\":\"*\",\"fields\":{\"h\":{\"css\":\"h1\"}}}]}";

  @TempDir Path dir;

  @Test
  void rulesOnDevStdinWithTheListOnStdinExitsTwoAndLeavesTheResultsFileAsItWas() throws IOException {
    Path out = Files.writeString(dir.resolve("keep.jsonl"), "{\"url\":\"http://127.0.0.1:1/\"}\n");
    for (String stdin : new String[] {"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"}) {
      CliRunner cli = new CliRunner();
      int code = cli.run(new ByteArrayInputStream(RULES.getBytes(UTF_8)), "-q", "--rules", stdin, "--out", out.toString(), "-");

      assertThat(code).as(stdin).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: --rules '" + stdin + "' and the URL list '-' both read"
          + " standard input, which holds one of them; give the other as a file");
      assertThat(Files.readString(out)).isEqualTo("{\"url\":\"http://127.0.0.1:1/\"}\n");
    }
  }

  @Test
  void caCertOnDevStdinWithTheListOnStdinExitsTwoAndLeavesTheResultsFileAsItWas() throws IOException {
    Path out = Files.writeString(dir.resolve("keep.jsonl"), "{\"url\":\"http://127.0.0.1:1/\"}\n");
    String pemThenList = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\nhttp://127.0.0.1:1/\n";
    CliRunner cli = new CliRunner();
    int code = cli.run(new ByteArrayInputStream(pemThenList.getBytes(UTF_8)), "-q", "--ca-cert", "/dev/stdin",
        "--out", out.toString(), "-");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: --ca-cert '/dev/stdin' and the URL list '-' both read"
        + " standard input, which holds one of them; give the other as a file");
    assertThat(Files.readString(out)).isEqualTo("{\"url\":\"http://127.0.0.1:1/\"}\n");
  }

  @Test
  void rulesOnADashSayTheyMustBeAFile() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run(new ByteArrayInputStream(new byte[0]), "--rules", "-", dir.resolve("urls.txt").toString()))
        .isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option --rules: '-': the rules must be a file"
        + " (/dev/stdin reads them from standard input when the URL list is a file)");
  }

  @Test
  void extractRefusesRulesOnDevStdinWithThePageOnStdin() {
    CliRunner cli = new CliRunner();
    int code = cli.run(new ByteArrayInputStream("<h1>x</h1>".getBytes(UTF_8)), "extract", "--rules", "/dev/stdin", "-");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: --rules '/dev/stdin' and the page '-' both read standard"
        + " input, which holds one of them; give the other as a file");
  }

  @Test
  void onlyDashAndNamesOfDescriptorZeroReadStdin() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("in"), Path.of("/dev/stdin"));
    assertThat(StdinReaders.reads("-")).isTrue();
    assertThat(StdinReaders.reads(link.toString())).isTrue();
    assertThat(StdinReaders.reads("/dev/stdout")).isFalse();
    assertThat(StdinReaders.reads(dir.resolve("urls.txt").toString())).isFalse();
    assertThat(StdinReaders.rulesProblem(Path.of("/dev/stdin"), dir.resolve("urls.txt").toString(), "the URL list"))
        .as("a list that is a file leaves stdin to the rules").isNull();
  }

  @Test
  void twoNamesOfAStdinThatIsNotAFileAreRefusedAsTwiceDashIs() {
    assumeFalse(StdinReaders.isRegularFile(), "this JVM's standard input is a file");
    for (String[] pages : new String[][] {{"-", "/dev/stdin"}, {"/dev/stdin", "/dev/fd/0"}, {"/dev/stdin", "/dev/stdin"}}) {
      CliRunner cli = new CliRunner();
      int code = cli.run(new ByteArrayInputStream("<title>x</title>".getBytes(UTF_8)), "extract", pages[0], pages[1]);

      assertThat(code).as(String.join(" ", pages)).isEqualTo(2);
      assertThat(cli.stdout()).isEmpty();
      assertThat(cli.stderr().strip()).isEqualTo("crawl: " + StdinReaders.pagesProblem(List.of(pages), false));
    }
  }

  @Test
  void twoNamesOfStdinAreSaidAsTypedAndAllowedWhenStdinIsAFileThatEachReadsFromItsStart() {
    assertThat(StdinReaders.pagesProblem(List.of("-", "/dev/stdin"), false)).isEqualTo("'-' and '/dev/stdin' both"
        + " read standard input, which is not a file and holds one page; give the others as files");
    assertThat(StdinReaders.pagesProblem(List.of("/dev/stdin", "/dev/stdin"), false)).isEqualTo("'/dev/stdin' given"
        + " twice: standard input is not a file and holds one page; give the others as files");
    assertThat(StdinReaders.pagesProblem(List.of("-", "/dev/stdin"), true)).isNull();
    assertThat(StdinReaders.pagesProblem(List.of("-", "-"), true)).isEqualTo("'-' given twice: stdin holds one page");
    assertThat(StdinReaders.pagesProblem(List.of("-", "page.html"), false)).isNull();
  }
}
