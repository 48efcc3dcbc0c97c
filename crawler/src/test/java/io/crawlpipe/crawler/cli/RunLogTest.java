package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a cron job's mail shows is in its --log file too: the option warnings, a stop's notice, and
 * a run that ended with an error before its summary, once each and never twice on stderr.
 */
class RunLogTest extends GatedSiteTestBase {

  @Test
  void anOptionWarningIsInTheLogFileAsWellAsOnStderr() throws IOException {
    Path log = dir.resolve("logs/crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--workers", "2", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(),
        urls.toString())).isZero();
    String warning = "--workers only apply to --mode processes; ignored with --mode virtual";
    assertThat(cli.stderr().strip()).isEqualTo("crawl: warning: " + warning);
    assertThat(warnLines(log)).singleElement().asString().endsWith(" - " + warning);
  }

  @Test
  void aRunKeptOutByTheLockSaysSoInItsLog() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Path log = dir.resolve("crawl.log");
    try (OutputLock held = OutputLock.acquire(OutputLock.besides(out), out.toString())) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--log", log.toString(), "--out", out.toString(), urls.toString())).isEqualTo(75);
      assertThat(cli.stderr().lines()).hasSize(1);
    }
    assertThat(warnLines(log)).singleElement().asString()
        .contains(" - run ended exit=75: another run (pid " + ProcessHandle.current().pid() + ") is writing '" + out);
  }

  @Test
  void aMissingUrlFileIsInTheLog() throws IOException {
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(),
        dir.resolve("nope.txt").toString())).isEqualTo(2);
    assertThat(warnLines(log)).singleElement().asString().contains(" - run ended exit=2: ").contains("nope.txt");
  }

  @Test
  void theMaxTimeNoticeIsInTheLog() throws IOException {
    Path list = Files.write(dir.resolve("slow.txt"), site.list(0, 1));
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--max-time", "1s", "--grace", "0s", "--log", log.toString(), "--out",
        dir.resolve("r.jsonl").toString(), list.toString())).isEqualTo(124);
    assertThat(Files.readString(log)).contains("--max-time: stopping; URLs in flight get 0s to finish");
  }

  @Test
  void withVerboseLoggingToStderrTheStopNoticeIsSaidOnce() throws IOException {
    Path list = Files.write(dir.resolve("slow.txt"), site.list(0, 1));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-v", "--max-time", "1s", "--grace", "0s", "--out", dir.resolve("r.jsonl").toString(),
        list.toString())).isEqualTo(124);
    assertThat(cli.stderr().lines().filter(line -> line.contains("--max-time: stopping"))).hasSize(1);
  }

  @Test
  void withoutALogFileNothingIsSaidTwiceOnStderr() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--workers", "2", "--out", dir.resolve("r.jsonl").toString(), urls.toString())).isZero();
    assertThat(cli.stderr().lines()).hasSize(1);
  }

  @Test
  void verboseGivenTwiceIsVerbose() throws IOException {
    for (List<String> verbose : List.of(List.of("-vv"), List.of("-v", "--verbose"))) {
      Path log = dir.resolve("crawl" + verbose.size() + ".log");
      CliRunner cli = new CliRunner();
      List<String> args = new java.util.ArrayList<>(verbose);
      args.addAll(List.of("-q", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()));
      assertThat(cli.run(args.toArray(String[]::new))).as(verbose.toString()).isZero();
      assertThat(cli.stderr()).isEmpty();
      assertThat(Files.readString(log)).contains(" DEBUG ", "done url=" + site.list(2, 0).getFirst());
    }
  }

  private static List<String> warnLines(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(line -> line.contains(" WARN ")).toList();
  }
}
