package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What people and programs see: the progress line, the summary, --fail-on, --stats and --log. */
@Timeout(60)
class ReportingTest {
  @TempDir Path dir;
  private GatedSite site;

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Three ok pages, a 404, an invalid line and a refused connection (port 1 on localhost). */
  private Path mixedList() throws IOException {
    List<String> lines = new ArrayList<>(site.list(3, 0));
    lines.addAll(List.of(site.url("/missing"), "not a url", "http://localhost:1/refused"));
    return Files.write(dir.resolve("urls.txt"), lines);
  }

  @Test
  void theProgressLineIsDrawnOnlyWhenStderrIsATerminal() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(3, 0));
    CliRunner tty = new CliRunner(java.time.Clock.systemUTC(), true);
    assertThat(tty.run("--out", dir.resolve("a.jsonl").toString(), urls.toString())).isZero();
    String shown = tty.stderr();
    assertThat(shown).startsWith("\rcrawl: 0/").contains(" URLs", "/s, 0 errors, ETA ");
    // the progress line is erased before the summary, which stands alone on the last line
    assertThat(shown.substring(shown.lastIndexOf("\r\033[K") + 4)).startsWith("crawl: 3 URLs, 3 ok, 0 failed;")
        .doesNotContain("\r").endsWith("\n");

    CliRunner cron = new CliRunner(java.time.Clock.systemUTC(), false);
    assertThat(cron.run("--out", dir.resolve("b.jsonl").toString(), urls.toString())).isZero();
    assertThat(cron.stderr()).doesNotContain("\r").startsWith("crawl: 3 URLs, 3 ok, 0 failed;");
    assertThat(cron.stderr().strip().lines()).hasSize(1);

    CliRunner quiet = new CliRunner(java.time.Clock.systemUTC(), true);
    assertThat(quiet.run("-q", "--out", dir.resolve("c.jsonl").toString(), urls.toString())).isZero();
    assertThat(quiet.stderr()).isEmpty();
  }

  @Test
  void failOnDecidesWhetherFailedUrlsMakeTheExitCodeOne() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(site.url("/fast/1"), site.url("/fast/2"),
        site.url("/fast/3"), site.url("/missing")));
    String out = dir.resolve("r.jsonl").toString();
    assertThat(new CliRunner().run("-q", "--out", out, urls.toString())).isEqualTo(1);
    assertThat(new CliRunner().run("-q", "--fail-on", "any", "--out", out, urls.toString())).isEqualTo(1);
    assertThat(new CliRunner().run("-q", "--fail-on", "none", "--out", out, urls.toString())).isZero();
    assertThat(new CliRunner().run("-q", "--fail-on", "ratio:0.25", "--out", out, urls.toString())).isZero();
    assertThat(new CliRunner().run("-q", "--fail-on", "ratio:0.2", "--out", out, urls.toString())).isEqualTo(1);
    CliRunner bad = new CliRunner();
    assertThat(bad.run("--fail-on", "some", "--out", out, urls.toString())).isEqualTo(2);
    assertThat(bad.stderr()).contains("'some' is not none, any or ratio:R");
  }

  @Test
  void theStatsFileCountsStatusClassesErrorTypesLatencyAndTheHostsWithMostErrors() throws IOException {
    Path stats = dir.resolve("stats/run.json");
    Path out = dir.resolve("r.jsonl");
    Instant before = Instant.now();
    assertThat(new CliRunner().run("-q", "--stats", stats.toString(), "--out", out.toString(),
        mixedList().toString())).isEqualTo(1);
    JsonNode s = JsonMapper.builder().build().readTree(stats.toFile());
    assertThat(s.get("exit_code").asInt()).isEqualTo(1);
    assertThat(s.get("stopped_by").isNull()).isTrue();
    assertThat(s.get("output").asString()).isEqualTo(out.toString());
    assertThat(s.get("results").asLong()).isEqualTo(6);
    assertThat(s.get("ok").asLong()).isEqualTo(3);
    assertThat(s.get("failed").asLong()).isEqualTo(3);
    // every usual class is there, 0 when none, so that stats["by_status_class"]["5xx"] never fails
    assertThat(s.get("by_status_class").toString())
        .isEqualTo("{\"1xx\":0,\"2xx\":3,\"3xx\":0,\"4xx\":1,\"5xx\":0,\"none\":2}");
    assertThat(s.get("by_error_type").toString()).isEqualTo("{\"connect\":1,\"invalid_url\":1}");
    assertThat(s.get("bytes").asLong()).isPositive();
    assertThat(s.get("pages_per_second").asDouble()).isPositive();
    long p50 = s.get("latency_ms").get("p50").asLong();
    long p95 = s.get("latency_ms").get("p95").asLong();
    assertThat(p50).isBetween(0L, p95);
    assertThat(p95).isLessThanOrEqualTo(s.get("latency_ms").get("p99").asLong());
    // One host is scheme + host + port, as everywhere: the site's 404 and localhost:1's refusal are two.
    assertThat(s.get("top_error_hosts").size()).isEqualTo(2);
    assertThat(s.get("top_error_hosts").toString()).contains("{\"host\":\"localhost:1\",\"errors\":1}")
        .contains("{\"host\":\"" + java.net.URI.create(site.url("/")).getAuthority() + "\",\"errors\":1}");
    Instant started = Instant.parse(s.get("started_at").asString());
    assertThat(started).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(Instant.parse(s.get("ended_at").asString())).isAfterOrEqualTo(started);
  }

  @Test
  void theSummaryLineAndTheStatsFileReportTheSameCountsSecondsAndPagesPerSecond() throws IOException {
    Path urls = mixedList();
    Files.writeString(urls, site.url("/fast/0") + "\n", StandardOpenOption.APPEND);
    Path stats = dir.resolve("run.json");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--stats", stats.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isEqualTo(1);

    Matcher line = Pattern.compile("crawl: (\\d+) URLs, (\\d+) ok, (\\d+) failed \\((.*)\\), (\\d+) duplicate lines?"
        + " skipped; ([0-9.]+) s, ([0-9.]+) pages/s; results in .*").matcher(cli.stderr().strip());
    assertThat(line.matches()).as(cli.stderr()).isTrue();
    JsonNode s = JsonMapper.builder().build().readTree(stats.toFile());
    assertThat(Long.parseLong(line.group(1))).isEqualTo(s.get("results").asLong()).isEqualTo(6);
    assertThat(Long.parseLong(line.group(2))).isEqualTo(s.get("ok").asLong()).isEqualTo(3);
    assertThat(Long.parseLong(line.group(3))).isEqualTo(s.get("failed").asLong()).isEqualTo(3);
    assertThat(line.group(4)).isEqualTo("connect 1, http_4xx 1, invalid_url 1");
    assertThat(Long.parseLong(line.group(5))).isEqualTo(s.get("duplicates").asLong()).isEqualTo(1);
    double seconds = s.get("elapsed_seconds").asDouble();
    double rate = s.get("pages_per_second").asDouble();
    assertThat(seconds).isPositive();
    assertThat(rate).isCloseTo(6 / seconds, withinPercentage(1e-6));
    // one span for both: the line shows the same seconds and rate, rounded to a tenth
    assertThat(line.group(6)).isEqualTo(String.format(Locale.ROOT, "%.1f", seconds));
    assertThat(line.group(7)).isEqualTo(String.format(Locale.ROOT, "%.1f", rate));
    // the span is the crawl's, within the run's wall-clock bounds
    Duration run = Duration.between(Instant.parse(s.get("started_at").asString()),
        Instant.parse(s.get("ended_at").asString()));
    assertThat(seconds).isLessThanOrEqualTo(run.toNanos() / 1e9);
  }

  @Test
  void theLogGoesToTheLogFileInsteadOfStderrAndStderrIsRestoredAfterwards() throws IOException {
    Path log = dir.resolve("logs/crawl.log");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(),
        mixedList().toString())).isEqualTo(1);
    String text = Files.readString(log);
    assertThat(text).contains("INFO  [", "run started pid=" + ProcessHandle.current().pid(),
        "run finished exit=1: 6 URLs, 3 ok, 3 failed");
    assertThat(cli.stderr().strip().lines()).singleElement().asString().startsWith("crawl: 6 URLs");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender("FILE")).isNull();
  }

  @Test
  void anUnwritableLogFileIsAUsageError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--log", blocker.resolve("crawl.log").toString(), mixedList().toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: cannot write log file '" + blocker.resolve("crawl.log") + "'");
  }
}
