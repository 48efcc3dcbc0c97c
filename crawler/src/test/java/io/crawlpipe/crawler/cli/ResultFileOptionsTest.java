package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crawlpipe.store.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the results file is written: atomic rename, placeholders, --append, errors. */
@Timeout(60)
class ResultFileOptionsTest {
  @TempDir Path dir;
  private GatedSite site;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
  }

  @AfterEach
  void stop() {
    site.close();
    threads.shutdownNow();
  }

  private Path list(List<String> lines) throws IOException {
    return Files.write(dir.resolve("urls.txt"), lines);
  }

  @Test
  void theTargetIsTheOldFileOrTheCompleteNewOneAtEveryMomentOfASlowCrawl() throws Exception {
    Path out = dir.resolve("out.jsonl");
    String old = "{\"url\":\"old-1\"}\n{\"url\":\"old-2\"}\n";
    Files.writeString(out, old);
    Path urls = list(site.list(30, 2));
    AtomicBoolean running = new AtomicBoolean(true);
    Queue violations = new Queue();
    AtomicInteger looks = new AtomicInteger();
    Future<?> checker = threads.submit(() -> {
      while (running.get()) {
        looks.incrementAndGet();
        String seen = readIfPresent(out);
        boolean complete = seen != null && seen.endsWith("\n") && seen.lines().count() == 32
            && seen.lines().allMatch(l -> l.startsWith("{\"url\":\"http://") && l.endsWith("}"));
        if (seen == null || !(seen.equals(old) || complete)) violations.add(seen == null ? "(absent)" : seen);
        Thread.onSpinWait();
      }
    });
    CliRunner cli = new CliRunner();
    Future<Integer> run = threads.submit(() -> cli.run("-c", "2", "-q", "--out", out.toString(), urls.toString()));
    assertThat(site.awaitGated(2)).isTrue();
    // every fast URL gets stored while the gated two hang, in the temporary file only (the last
    // fast line may still be on its way when the gated requests reach the site)
    assertThat(FileWait.awaitLines(AtomicFileSink.partialFile(out), 30, Duration.ofSeconds(10))).hasSize(30);
    assertThat(Files.readString(out)).isEqualTo(old);
    site.openGate();
    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
    running.set(false);
    checker.get(10, TimeUnit.SECONDS);
    assertThat(violations.items).isEmpty();
    assertThat(looks.get()).isPositive();
    assertThat(Files.readAllLines(out)).hasSize(32).doesNotHaveDuplicates();
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
  }

  /** A file read whole, or null if it does not exist at that moment. */
  private static String readIfPresent(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static final class Queue {
    final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

    void add(String s) {
      items.add(s);
    }
  }

  @Test
  void placeholdersAreExpandedFromTheClockInItsTimeZone() throws IOException {
    Instant at = Instant.parse("2026-03-04T20:00:00Z"); // already March 5th in Tokyo
    CliRunner cli = new CliRunner(Clock.fixed(at, ZoneId.of("Asia/Tokyo")), false);
    Path urls = list(site.list(2, 0));
    int code = cli.run("--out", dir.resolve("data/r-{date}-{time}.jsonl").toString(),
        "--stats", dir.resolve("stats-{ts}.json").toString(), urls.toString());
    assertThat(code).isZero();
    Path out = dir.resolve("data/r-2026-03-05-050000.jsonl");
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(dir.resolve("data/r-2026-03-05-050000.jsonl.lock")).exists();
    assertThat(dir.resolve("stats-" + at.getEpochSecond() + ".json")).exists();
    assertThat(cli.stderr()).contains("results in " + out);
  }

  @Test
  void anUnknownPlaceholderIsAUsageError() throws IOException {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", dir.resolve("r-{day}.jsonl").toString(), list(site.list(1, 0)).toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: unknown placeholder {day} in '"
        + dir.resolve("r-{day}.jsonl") + "' (use {date}, {time} or {ts})");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void appendAddsLinesAfterDroppingALineCutByAnEarlierCrash() throws IOException {
    Path out = dir.resolve("feed.jsonl");
    String whole = "{\"url\":\"http://earlier/\",\"ok\":true,\"error\":null}\n";
    Files.writeString(out, whole + "{\"url\":\"http://cut");
    assertThat(new CliRunner().run("--append", "--out", out.toString(), list(site.list(2, 0)).toString())).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("{\"url\":\"http://") && l.endsWith("}"));
    assertThat(lines.getFirst() + "\n").isEqualTo(whole);
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
  }

  @Test
  void anUnfinishedTemporaryFileIsDiscardedWithAWarningWithoutResume() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Files.writeString(AtomicFileSink.partialFile(out), "{\"url\":\"http://x/\"}\n");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", out.toString(), list(site.list(1, 0)).toString())).isZero();
    assertThat(cli.stderr()).contains("crawl: warning: discarding " + AtomicFileSink.partialFile(out));
    assertThat(Files.readAllLines(out)).singleElement().asString().contains("/fast/0");
  }

  @Test
  void aFullDiskPartWayThroughExitsThree() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    CliRunner cli = new CliRunner();
    int code = cli.run("--append", "--lock", dir.resolve("x.lock").toString(), "--out", full.toString(),
        list(site.list(3, 0)).toString());
    assertThat(code).isEqualTo(3);
    assertThat(cli.stderr().strip().lines()).singleElement().asString()
        .startsWith("crawl: cannot write results to /dev/full");
  }

  @Test
  void stdoutCannotBeResumedAndAppendChangesNothingThereAsForDevStdout() throws IOException {
    String urls = list(site.list(1, 0)).toString();
    CliRunner resumed = new CliRunner();
    assertThat(resumed.run("--resume", "--out", "-", urls)).isEqualTo(2);
    assertThat(resumed.stderr().strip())
        .isEqualTo("crawl: invalid option: --resume needs a results file; it cannot be used with --out -");
    assertThat(site.requests("/fast/0")).isZero();

    CliRunner appended = new CliRunner();
    assertThat(appended.run("-q", "--append", "--out", "-", urls)).isZero();
    assertThat(appended.stdout().lines()).singleElement().asString().contains("\"ok\":true");
  }
}
