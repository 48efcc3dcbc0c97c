package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    String warning = "--workers only applies to --mode processes; ignored with --mode virtual";
    assertThat(cli.stderr().strip()).isEqualTo("crawl: warning: " + warning);
    assertThat(warnLines(log)).singleElement().asString().endsWith(" - " + warning);
  }

  @Test
  void theRunStartedLineComesBeforeTheWarningsAboutTheEarlierResults() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), "{\"url\":\"" + site.list(1, 0).getFirst()
        + "\",\"ok\":true,\"error\":null}\n{\"url\":\"http://127.0.0.1/cu");
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--workers", "2", "--log", log.toString(), "--out", out.toString(), "--resume",
        urls.toString())).as(cli.stderr()).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines.getFirst()).contains(" - run started pid=" + ProcessHandle.current().pid());
    assertThat(lines).anyMatch(l -> l.contains("--workers only applies")).anyMatch(l -> l.contains("dropped the last"));
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
  void aLogOnStderrItselfIsTheDefaultLogTheRunsStartAndEndOnlyWithVerbose() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("err-link"), Path.of("/dev/stderr"));
    for (String log : List.of("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2", link.toString())) {
      CliRunner quiet = new CliRunner();
      assertThat(quiet.run("-q", "--log", log, "--out", dir.resolve("q.jsonl").toString(), urls.toString())).isZero();
      assertThat(quiet.stderr()).as("-q --log %s", log).isEmpty();
      CliRunner plain = new CliRunner();
      assertThat(plain.run("--log", log, "--out", dir.resolve("p.jsonl").toString(), urls.toString())).isZero();
      assertThat(plain.stderr().lines()).as("--log %s", log).singleElement().asString().startsWith("crawl: 2 URLs");
    }
    CliRunner verbose = new CliRunner();
    assertThat(verbose.run("-q", "-v", "--log", "/dev/stderr", "--out", dir.resolve("v.jsonl").toString(),
        urls.toString())).isZero();
    assertThat(verbose.stderr()).contains(" INFO  ", "run started", "run finished exit=0");
  }

  @Test
  void aStatsFileThatCannotBeWrittenAtTheEndIsAWarningInTheLogToo() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--stats", "/dev/full", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(),
        urls.toString())).isZero();
    String warning = "cannot write stats file '/dev/full': No space left on device";
    assertThat(cli.stderr().strip()).isEqualTo("crawl: warning: " + warning);
    assertThat(warnLines(log)).singleElement().asString().endsWith(" - " + warning);
  }

  @Test
  void aStatsPathRefusedAtTheStartIsInTheLog() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--stats", blocker.resolve("st.json").toString(), "--log", log.toString(), "--out",
        dir.resolve("r.jsonl").toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().lines()).singleElement().asString().startsWith("crawl: cannot write stats file '");
    assertThat(warnLines(log)).singleElement().asString()
        .contains(" - run ended exit=2: cannot write stats file '" + blocker.resolve("st.json") + "': ");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aRunWhoseResultsWereNotWrittenEndsWithAWarnLine() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
    Path log = dir.resolve("crawl.log");
    assertThat(new CliRunner().run("-q", "--log", log.toString(), "--out", "/dev/full", urls.toString())).isEqualTo(3);
    assertThat(warnLines(log)).singleElement().asString().contains(" - run finished exit=3: cannot write results to");
  }

  @Test
  void aSecondSignalLogsTheRunsEndWithItsExitCodeAndWhereTheLinesAre() throws Exception {
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    Path out = dir.resolve("r.jsonl");
    Path log = dir.resolve("crawl.log");
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      CliRunner cli = new CliRunner();
      Future<Integer> run = runner.submit(() -> cli.run("-q", "--grace", "60s", "--log", log.toString(), "--out",
          out.toString(), list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      // The fast URL's line is written: with none, the stop would remove the empty r.jsonl.partial.
      Conditions.await(() -> AtomicFileSink.partialFile(out).toFile().length() > 0);
      cli.signals.send(StopCause.SIGINT);
      cli.signals.send(StopCause.SIGTERM);
      assertThat(cli.halted.get()).isEqualTo(143);
      site.openGate(); // the test's halt returns, so let the run end
      run.get(30, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
    assertThat(warnLines(log)).anySatisfy(line -> assertThat(line).contains(" - run ended exit=143: SIGTERM again:"
        + " stopped at once; results so far in " + out + ".partial"));
  }

  @Test
  void aListLineHoldingATerminalEscapeReachesTheVerboseLogEscaped() throws IOException {
    Path list = Files.writeString(dir.resolve("esc.txt"), "http://127.0.0.1:9/\u001b[31mred\n");
    Path log = dir.resolve("crawl.log");
    assertThat(new CliRunner().run("-q", "-v", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(),
        list.toString())).isEqualTo(1);
    String text = Files.readString(log);
    assertThat(text).contains("done url=http://127.0.0.1:9/\\u001b[31mred ").doesNotContain("\u001b");
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

  /** A name with a newline: the log's warning and its end line are one line each, as on stderr. */
  @Test
  void aNameWithANewlineIsEscapedInTheLogToo() throws IOException {
    Path log = dir.resolve("crawl.log");
    Path out = dir.resolve("nl\nname.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--resume", "--log", log.toString(), "--out", out.toString(), urls.toString())).isZero();
    String shown = dir.resolve("nl") + "\\u000aname.jsonl";
    assertThat(Files.readAllLines(log)).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.*"))
        .anySatisfy(line -> assertThat(line).endsWith(" - --resume: no earlier results at " + shown
            + " (nor its .partial); crawling the whole list"))
        .anySatisfy(line -> assertThat(line).contains(" - run finished exit=0: ").endsWith("; results in " + shown));
  }

  private static List<String> warnLines(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(line -> line.contains(" WARN ")).toList();
  }
}
