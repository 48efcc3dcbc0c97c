package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --out}, {@code --log} and {@code --stats} naming the run's own standard output or error
 * write through the run's streams (here {@link CliRunner}'s captured ones), as {@code --out -}
 * does: a reopened {@code /dev/stdout} would have written to this JVM's real descriptor 1 instead.
 */
@Timeout(60)
class StandardStreamPathsTest extends GatedSiteTestBase {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyNameOfStdoutAsOutWritesTheResultsToTheRunsStdout() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("results.jsonl"), Path.of("/dev/stdout"));
    for (String name : List.of("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", link.toString())) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("--out", name, urls.toString())).as(name).isZero();
      assertThat(cli.stdout().lines()).as(name).hasSize(2).allSatisfy(this::isOkResult);
      assertThat(cli.stderr().strip()).as(name).startsWith("crawl: 2 URLs, 2 ok").endsWith("; results on stdout");
    }
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(names()).containsExactlyInAnyOrder("urls.txt", "results.jsonl");
  }

  @Test
  void stderrAsOutGetsWholeResultLinesThenTheSummaryAndNoProgressLine() {
    CliRunner cli = new CliRunner(Clock.systemUTC(), true);
    assertThat(cli.run("--out", "/dev/stderr", urls.toString())).isZero();
    assertThat(cli.stdout()).isEmpty();
    List<String> lines = cli.stderr().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2)).allSatisfy(this::isOkResult);
    assertThat(lines.get(2)).startsWith("crawl: 2 URLs").endsWith("; results on stderr");
  }

  @Test
  void stdoutAsOutKeepsTheLockThatIsNamed() {
    Path lock = dir.resolve("crawl.lock");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", "/dev/stdout", "--lock", lock.toString(), urls.toString())).isZero();
    assertThat(cli.stdout().lines()).hasSize(2);
    assertThat(lock).isRegularFile();
  }

  @Test
  void logAndStatsNamingTheStreamsWriteThroughTheRunsStreamsAndStderrLoggingIsRestored() {
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--log", "/dev/stdout", "--stats", "/proc/self/fd/2", "--out", out.toString(),
        urls.toString())).isZero();
    assertThat(cli.stdout()).contains("INFO  [main] io.crawlpipe.run - run started", "run finished exit=0");
    assertThat(json.readTree(cli.stderr()).get("results").asLong()).isEqualTo(2);
    assertThat(json.readTree(cli.stderr()).get("output").asString()).isEqualTo(out.toString());
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender("FILE")).isNull();
  }

  @Test
  void theStatsFileNamesTheStreamTheResultsWentTo() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", "/dev/fd/1", "--stats", "/dev/stderr", urls.toString())).isZero();
    assertThat(json.readTree(cli.stderr()).get("output").asString()).isEqualTo("stdout");
    assertThat(cli.stdout().lines()).hasSize(2);
  }

  @Test
  void resumeIsRefusedForStdoutAndTheStatsMustNotJoinTheResultsThere() {
    CliRunner resume = new CliRunner();
    assertThat(resume.run("--resume", "--out", "/dev/stdout", urls.toString())).isEqualTo(2);
    assertThat(resume.stderr()).contains("--resume needs a regular results file");
    CliRunner stats = new CliRunner();
    assertThat(stats.run("--out", "/proc/self/fd/1", "--stats", "/dev/stdout", urls.toString())).isEqualTo(2);
    assertThat(stats.stderr().strip()).isEqualTo("crawl: invalid option: --stats and --out name the same file "
        + "'/dev/stdout'; they must differ");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aSecondSignalWithResultsOnStdoutSaysWhereTheyAreWithoutOfferingResume() throws Exception {
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      CliRunner cli = new CliRunner();
      Future<Integer> run = runner.submit(() -> cli.run("--grace", "60s", "--out", "/dev/stdout", list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      cli.signals.send(StopCause.SIGINT); // another signal: the same one at once would count as a repeat
      cli.signals.send(StopCause.SIGTERM);
      assertThat(cli.halted.get()).isEqualTo(143);
      assertThat(cli.stderr())
          .contains("crawl: SIGTERM again: stopped at once; results so far in stdout (whole lines)\n");
      site.openGate(); // the test's halt returns, so let the run end
      run.get(30, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
  }

  private void isOkResult(String line) {
    assertThat(json.readTree(line).get("ok").asBoolean()).as(line).isTrue();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
