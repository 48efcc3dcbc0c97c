package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crawl in a child JVM whose standard streams are redirected to a file, as cron's {@code > f
 * 2>&1} does ({@link ProcessBuilder} opens the file truncating, without append, and makes
 * descriptor 2 a copy of 1): results named by {@code /dev/stdout} share the stream's offset with the
 * log and the summary, so no line lands inside another; and a log file that standard output is open
 * on is refused when the results go there.
 */
@Timeout(90)
class RedirectedStreamsTest extends GatedSiteTestBase {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void outDevStdoutWithBothStreamsInOneFileLeavesEveryLineWhole() throws Exception {
    Path list = Files.write(dir.resolve("many.txt"), site.list(30, 0));
    Path cronLog = Files.writeString(dir.resolve("cron.log"), "an earlier job's line that the shell truncates\n");
    Process crawl = new ProcessBuilder(CrawlProcess.command("-v", "-c", "8", "--out", "/dev/stdout", "--log",
        "/dev/stderr", list.toString())).redirectOutput(cronLog.toFile()).redirectErrorStream(true).start();
    assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines = Files.readAllLines(cronLog);
    assertThat(crawl.exitValue()).as(String.join("\n", lines)).isZero();
    List<String> results = lines.stream().filter(l -> l.startsWith("{")).toList();
    assertThat(results).hasSize(30).allSatisfy(l -> assertThat(json.readTree(l).get("ok").asBoolean()).as(l).isTrue());
    assertThat(lines).filteredOn(l -> !l.startsWith("{"))
        .allSatisfy(l -> assertThat(l).matches("(crawl: |\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ).*"))
        .anySatisfy(l -> assertThat(l).contains("DEBUG"))
        .anySatisfy(l -> assertThat(l).startsWith("crawl: 30 URLs, 30 ok").endsWith("; results on stdout"))
        .anySatisfy(l -> assertThat(l).contains("run finished exit=0"));
    assertThat(Files.readString(cronLog)).endsWith("\n").doesNotContain("earlier job");
  }

  @Test
  void aLogFileThatStdoutIsRedirectedToIsRefusedWhenTheResultsGoToStdout() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
    Path stdoutFile = dir.resolve("child-stdout.txt");
    CrawlProcess crawl = CrawlProcess.start(dir, "--out", "-", "--log", stdoutFile.toString(), urls.toString());
    assertThat(crawl.exitCode()).isEqualTo(2);
    assertThat(crawl.stderr().strip()).isEqualTo("crawl: invalid option: --log '" + stdoutFile
        + "' is the file standard output is open on, where --out - writes the results; they must differ");
    assertThat(stdoutFile).isEmptyFile();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void statsToAFileOfTheirOwnBesideResultsOnRedirectedStdoutAreNoClash() throws IOException, InterruptedException {
    Path stats = dir.resolve("stats.json");
    CrawlProcess crawl = CrawlProcess.start(dir, "-q", "--out", "-", "--stats", stats.toString(), urls.toString());
    assertThat(crawl.exitCode()).as(crawl.stderr()).isZero();
    assertThat(Files.readAllLines(dir.resolve("child-stdout.txt"))).hasSize(2);
    assertThat(json.readTree(stats.toFile()).get("results").asLong()).isEqualTo(2);
  }
}
