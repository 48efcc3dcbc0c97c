package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MainTest {
  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    PathTitles.serve(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(InputStream stdin, String... args) {
    return Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path urlFile(String... lines) throws IOException {
    return Files.write(dir.resolve("urls.txt"), List.of(lines));
  }

  @Test
  void allOkRunExitsZeroWritesOneLinePerUrlAndPrintsTheSummary() throws IOException {
    Path urls = urlFile(server.url("/a").toString(), server.url("/b").toString(), server.url("/a").toString());
    Path results = dir.resolve("out/today.jsonl");
    int code = run("--mode", "threads", "--concurrency", "4", "--out", results.toString(), urls.toString());
    assertThat(code).isEqualTo(0);
    assertThat(Files.readAllLines(results)).hasSize(2).allMatch(l -> l.contains("\"ok\":true"));
    assertThat(stderr().strip().lines()).singleElement().asString()
        .startsWith("crawl: 2 URLs, 2 ok, 0 failed, 1 duplicate line skipped;")
        .endsWith("results in " + results);
  }

  @Test
  void someFailedUrlsExitOneAndAreRecorded() throws IOException {
    Path urls = urlFile(server.url("/a").toString(), "not a url");
    Path results = dir.resolve("r.jsonl");
    assertThat(run("-o", results.toString(), urls.toString())).isEqualTo(1);
    assertThat(Files.readAllLines(results)).hasSize(2).anyMatch(l -> l.contains("\"invalid_url\""));
    assertThat(stderr()).contains("1 failed (invalid_url 1)");
  }

  @Test
  void aResumedRunCountsTheKeptLinesOkAndFailedInItsSummaryAndStatsFile() throws IOException {
    Path urls = urlFile(server.url("/a").toString(), "not a url", server.url("/b").toString());
    Path results = dir.resolve("r.jsonl");
    Path stats = dir.resolve("stats.json");
    assertThat(run("-o", results.toString(), urls.toString())).isEqualTo(1);
    err.reset();
    // nothing is left to crawl: exit 1 comes from the kept failed line, and the summary says so
    assertThat(run("--resume", "--stats", stats.toString(), "-o", results.toString(), urls.toString())).isEqualTo(1);
    assertThat(stderr()).contains("crawl: resumed after 3 finished lines (2 ok, 1 failed); 0 URLs, 0 ok, 0 failed");
    assertThat(Files.readString(stats)).contains("\"resumed_lines\" : 3", "\"resumed_failed\" : 1", "\"exit_code\" : 1");
  }

  @Test
  void stdinInAndJsonLinesOnStdoutWithQuiet() {
    String list = server.url("/x") + "\n" + server.url("/y") + "\n";
    int code = run(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "-q", "--out", "-", "-");
    assertThat(code).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2).allMatch(l -> l.startsWith("{\"url\":"));
    assertThat(stderr()).isEmpty();
  }

  @Test
  void quietPrintsTheSummaryOfARunThatFailsSoCronMailsOnlyThen() throws IOException {
    Path results = dir.resolve("r.jsonl");
    assertThat(run("-q", "-o", results.toString(), urlFile(server.url("/a").toString()).toString())).isZero();
    assertThat(stderr()).isEmpty();

    assertThat(run("-q", "-o", results.toString(), urlFile(server.url("/a").toString(), "not a url").toString()))
        .isEqualTo(1);
    assertThat(stderr().lines()).singleElement().asString()
        .startsWith("crawl: 2 URLs, 1 ok, 1 failed (invalid_url 1);").endsWith("results in " + results);
  }

  @Test
  void quietGivenTwiceIsQuiet() throws IOException {
    Path list = urlFile(server.url("/a").toString());
    for (String twice : new String[] {"-qq", "-q --quiet"}) {
      List<String> args = new ArrayList<>(List.of(twice.split(" ")));
      args.addAll(List.of("-o", dir.resolve("r.jsonl").toString(), list.toString()));
      assertThat(run(args.toArray(String[]::new))).as(twice).isZero();
      assertThat(stderr()).isEmpty();
    }
  }

  @Test
  void missingUrlFileExitsTwoWithOneLineNamingIt() {
    Path missing = dir.resolve("nope.txt");
    assertThat(run(missing.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file '" + missing + "': no such file or directory");
  }

  @Test
  void aMissingDefaultUrlFileSaysNoneWasGivenAndWhatTheDefaultIs() {
    // The test runs in the module's directory, which has no urls.txt: nothing is read or crawled.
    Assumptions.assumeFalse(Files.exists(Path.of("urls.txt")), "a urls.txt in the working directory");
    assertThat(run("--out", dir.resolve("r.jsonl").toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file 'urls.txt': no such file or directory"
        + " (no URL_FILE given; the default is urls.txt)");
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
  }

  @Test
  void badOptionValuesExitTwoWithOneLine() throws IOException {
    Path urls = urlFile(server.url("/a").toString());
    assertThat(run("--concurrency", "lots", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: invalid option --concurrency: 'lots' is not an int");
    err.reset();
    assertThat(run("--timeout", "soon", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip().lines()).singleElement().asString().contains("'soon' is not a duration");
    err.reset();
    assertThat(run("--mode", "fibers", urls.toString())).isEqualTo(2);
    assertThat(stderr()).contains("unknown mode 'fibers'");
    err.reset();
    assertThat(run("--concurrency", "0", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: invalid option --concurrency: must be >= 1, was 0");
    err.reset();
    assertThat(run("--no-such-flag", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip().lines()).singleElement().asString().contains("--no-such-flag");
  }

  @Test
  void unwritableOutputExitsTwoBeforeCrawling() throws IOException {
    Path urls = urlFile(server.url("/a").toString());
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    assertThat(run("--out", blocker.resolve("sub/out.jsonl").toString(), urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).startsWith("crawl: cannot write output '" + blocker.resolve("sub/out.jsonl") + "'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anOutputStatsLogOrLockFileThatIsTheUrlFileIsRefusedAndTheListKept() throws IOException {
    Path urls = urlFile(server.url("/a").toString(), server.url("/b").toString());
    byte[] list = Files.readAllBytes(urls);
    Path results = dir.resolve("r.jsonl");
    Path dotted = dir.resolve(".").resolve("urls.txt");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), urls.getFileName());
    for (String option : List.of("--out", "--stats", "--log", "--lock")) {
      for (Path same : List.of(urls, dotted, link)) {
        err.reset();
        String[] args = option.equals("--out") ? new String[] {"--out", same.toString(), urls.toString()}
            : new String[] {option, same.toString(), "--out", results.toString(), urls.toString()};
        assertThat(run(args)).as(option + " " + same).isEqualTo(2);
        // --out, --stats and --log follow a link to the file it names; the lock file is taken as named
        Path shown = same.equals(link) && !option.equals("--lock") ? urls : same;
        assertThat(stderr().strip()).as(option + " " + same)
            .isEqualTo("crawl: " + option + " '" + shown + "' is the URL file; refusing to overwrite it");
        assertThat(Files.readAllBytes(urls)).isEqualTo(list);
      }
    }
    assertThat(Files.readAllBytes(urls)).isEqualTo(list);
    assertThat(results).doesNotExist();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anOutputThatWouldOverwriteOrRemoveTheRulesFileIsRefused() throws IOException {
    String rulesJson = "{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {\"h\": {\"css\": \"h1\"}}}]}";
    Path urls = Files.writeString(dir.resolve("urls.txt"), server.url("/a") + "\n");
    Path rules = Files.writeString(dir.resolve("rules.json"), rulesJson);
    assertThat(run("--rules", rules.toString(), "--out", rules.toString(), urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: --out '" + rules + "' is the rules file; refusing to overwrite it");
    err.reset();
    Path beside = Files.writeString(dir.resolve("r.jsonl.resume"), rulesJson);  // a run removes a stale one
    assertThat(run("--rules", beside.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: the temporary file of --resume '" + beside
        + "' is the rules file; refusing to overwrite it");
    assertThat(Files.readString(rules)).isEqualTo(rulesJson);
    assertThat(Files.readString(beside)).isEqualTo(rulesJson);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anOutputWhoseLockFileIsTheUrlFileIsRefused() throws IOException {
    Path urls = Files.writeString(dir.resolve("r.jsonl.lock"), server.url("/a") + "\n");
    assertThat(run("--out", dir.resolve("r.jsonl").toString(), urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: the lock file of --out '" + urls
        + "' is the URL file; refusing to overwrite it");
    err.reset();
    // with --lock naming another file, the output's own lock is taken too
    assertThat(run("--lock", dir.resolve("shared.lock").toString(), "--out", dir.resolve("r.jsonl").toString(),
        urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: the lock file of --out '" + urls
        + "' is the URL file; refusing to overwrite it");
    assertThat(Files.readString(urls)).isEqualTo(server.url("/a") + "\n");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFileWrittenBesideAnOutputThatIsTheUrlFileIsRefused() throws IOException {
    Path results = dir.resolve("r.jsonl");
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("r.jsonl.partial", List.of("the partial results of --out", "--out", results.toString()));
    cases.put("run.log.2", List.of("a rolled log of --log", "--log", dir.resolve("run.log").toString(),
        "--out", results.toString()));
    cases.put(StatsReport.temporaryFile(dir.resolve("stats.json")).getFileName().toString(), List.of("the temporary file of --stats", "--stats", dir.resolve("stats.json").toString(),
        "--out", results.toString()));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      err.reset();
      Path urls = Files.writeString(dir.resolve(c.getKey()), server.url("/a") + "\n");
      List<String> args = new ArrayList<>(c.getValue().subList(1, c.getValue().size()));
      args.add(urls.toString());

      assertThat(run(args.toArray(String[]::new))).as(c.getKey()).isEqualTo(2);
      assertThat(stderr().strip()).isEqualTo("crawl: " + c.getValue().getFirst() + " '" + urls + "' is the URL file; refusing to overwrite it");
      assertThat(Files.readString(urls)).isEqualTo(server.url("/a") + "\n");
    }
    assertThat(results).doesNotExist();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void devNullMayBeBothTheUrlFileAndTheOutput() {
    assertThat(run("-q", "--out", "/dev/null", "/dev/null")).isZero();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void anOutputUnderARegularFileSaysThatFileIsNotADirectory() throws IOException {
    Path urls = urlFile(server.url("/a").toString());
    Path out = urls.resolve("x.jsonl");
    assertThat(run("--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot write output '" + out + "': " + urls
        + " exists and is not a directory");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void durationsAndSizesAcceptUnits() {
    assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    assertThat(Durations.parse("5s").toMillis()).isEqualTo(5000);
    assertThat(Durations.parse("2m").toSeconds()).isEqualTo(120);
    assertThat(Durations.parse("7").toSeconds()).isEqualTo(7);
    assertThat(Durations.parse("1.5").toMillis()).isEqualTo(1500);
    assertThat(new ByteSizes(1L << 30).convert("10m")).isEqualTo(10L << 20);
    assertThat(new ByteSizes(1L << 30).convert("512k")).isEqualTo(512L << 10);
    assertThat(new ByteSizes(1L << 30).convert("65536")).isEqualTo(65536L);
  }

  @Test
  void politenessAndRetryOptionsAreValidatedWithOneLine() throws IOException {
    Path urls = urlFile(server.url("/a").toString());
    assertThat(run("--per-host", "0", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: invalid option --per-host: must be >= 1, was 0");
    err.reset();
    assertThat(run("--retries", "-1", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: invalid option --retries: must be >= 0, was -1");
    err.reset();
    assertThat(run("--delay", "later", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip().lines()).singleElement().asString().contains("'later' is not a duration");
    err.reset();
    assertThat(run("--retry-backoff", "10s", "--max-retry-wait", "1s", urls.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: invalid option --max-retry-wait: must be >= --retry-backoff (10s), was 1s");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void politenessOptionsAreAcceptedAndIgnoreRobotsSkipsRobotsTxt() throws IOException {
    Path urls = urlFile(server.url("/a").toString(), server.url("/b").toString());
    int code = run("--per-host", "1", "--delay", "10ms", "--retries", "0", "--retry-backoff", "5ms",
        "--max-retry-wait", "1s", "--breaker-failures", "0", "--breaker-cooldown", "1m", "--ignore-robots",
        "-q", "--out", dir.resolve("r.jsonl").toString(), urls.toString());
    assertThat(code).isEqualTo(0);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aotTrainingCrawlsItsOwnLoopbackSiteAndLeavesNoFiles() throws IOException {
    // its own work directory, so that other runs' training on this machine cannot disturb the count
    Path work = Files.createDirectory(dir.resolve("aot-work"));
    assertThat(run("aot-train", "--work-dir", work.toString())).isZero();
    try (var files = Files.list(work)) {
      assertThat(files).isEmpty();
    }
    assertThat(stderr()).isEmpty();
  }

  @Test
  void helpListsModesAndExitCodes() {
    assertThat(run("--help")).isEqualTo(0);
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("--mode", "--concurrency", "--out", "--timeout", "--max-bytes", "--user-agent", "Exit codes:");
    assertThat(help).contains("--retries", "--per-host", "--delay", "--ignore-robots", "--breaker-failures");
    out.reset();
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("crawlpipe ");
  }
}
