package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops before and after the crawl: a signal while the run waits for a named pipe's reader, and
 * --max-time counted from the start of the run. The second-signal halt is recorded by {@link
 * CliRunner}, so the run goes on once the test opens the pipe.
 */
@Timeout(60)
class StopOutsideTheCrawlTest {
  @TempDir Path dir;
  private GatedSite site;
  private Path urls;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
    urls = Files.write(dir.resolve("urls.txt"), site.list(1, 0));
  }

  @AfterEach
  void stop() {
    site.close();
    threads.shutdownNow();
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    OutputPathsTest.makeFifoOrSkip(fifo);
    return fifo;
  }

  /** Waits until the run's stderr contains {@code text}; true if it does in time. */
  private static boolean awaitStderr(CliRunner cli, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!cli.stderr().contains(text) && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
    return cli.stderr().contains(text);
  }

  /** Opens {@code fifo} for reading (which lets the run's open go on) and drains it. */
  private Future<byte[]> drain(Path fifo) {
    return threads.submit(() -> Files.readAllBytes(fifo));
  }

  @Test
  void aSignalWhileWaitingForTheLogsReaderEndsTheRunWithOneLine() throws Exception {
    Path log = fifo("log.fifo");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    Future<Integer> run = threads.submit(() -> cli.run("-q", "--log", log.toString(), "--out", out.toString(),
        urls.toString()));
    try {
      assertThat(cli.signals.awaitInstalled(Duration.ofSeconds(20))).isTrue();
      cli.signals.send(StopCause.SIGTERM);
      assertThat(cli.halted.get()).isEqualTo(143);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: stopped by SIGTERM while waiting for a reader of --log '"
          + log + "'; nothing was crawled");
    } finally {
      drain(log);
      run.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSignalWhileWaitingForTheStatsReaderKeepsTheFinishedResults() throws Exception {
    Path stats = fifo("stats.fifo");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    Future<Integer> run = threads.submit(() -> cli.run("--stats", stats.toString(), "--out", out.toString(),
        urls.toString()));
    try {
      assertThat(awaitStderr(cli, "; results in " + out)).isTrue();
      cli.signals.send(StopCause.SIGINT);
      assertThat(cli.halted.get()).isEqualTo(130);
      assertThat(cli.stderr().strip().lines()).last().isEqualTo("crawl: stopped by SIGINT while waiting for a reader of"
          + " --stats '" + stats + "'; the results in " + out + " are complete");
      assertThat(Files.readAllLines(out)).singleElement().asString().contains("\"ok\":true");
      assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    } finally {
      drain(stats);
      run.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSignalWhileWaitingForTheStatsReaderLogsTheRunsEndWithItsExitCode() throws Exception {
    Path stats = fifo("stats.fifo");
    Path out = dir.resolve("r.jsonl");
    Path log = dir.resolve("crawl.log");
    CliRunner cli = new CliRunner();
    Future<Integer> run = threads.submit(() -> cli.run("--stats", stats.toString(), "--log", log.toString(), "--out",
        out.toString(), urls.toString()));
    try {
      assertThat(awaitStderr(cli, "; results in " + out)).isTrue();
      cli.signals.send(StopCause.SIGINT);
      assertThat(cli.halted.get()).isEqualTo(130);
    } finally {
      drain(stats);
      run.get(30, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line).contains(" WARN ").endsWith(
        " - run ended exit=130: stopped by SIGINT while waiting for a reader of --stats '" + stats + "'; the results in "
        + out + " are complete"));
  }

  @Test
  void maxTimeCountsFromTheStartOfTheRunNotOfTheCrawl() throws Exception {
    Path log = fifo("log.fifo");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    Future<Integer> run = threads.submit(() -> cli.run("--max-time", "1s", "--log", log.toString(), "--out",
        out.toString(), urls.toString()));
    int code;
    try {
      assertThat(awaitStderr(cli, "crawl: --max-time: the deadline passed while waiting for a reader of --log '"
          + log + "'; no URL will be crawled")).isTrue();
    } finally {
      drain(log);
      code = run.get(30, TimeUnit.SECONDS);
    }
    assertThat(code).isEqualTo(124);
    assertThat(cli.stderr()).contains("crawl: stopped by --max-time: no URL was read; nothing was crawled and '" + out
        + "' was left as it was");
    assertThat(out).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
    assertThat(cli.halted.get()).isEqualTo(-1);
  }
}
