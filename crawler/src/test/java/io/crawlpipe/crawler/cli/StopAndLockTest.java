package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Graceful stops (signals sent by hand, --max-time), resume after them, and the overlap lock. */
@Timeout(60)
class StopAndLockTest {
  @TempDir Path dir;
  private GatedSite site;
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
  }

  @AfterEach
  void stop() {
    site.close();
    runner.shutdownNow();
  }

  private Path list(List<String> lines) throws IOException {
    return Files.write(dir.resolve("urls.txt"), lines);
  }

  private static long cancelledLines(Path out) throws IOException {
    return Files.readAllLines(out).stream().filter(l -> l.contains("\"type\":\"cancelled\"")).count();
  }

  /** Runs a crawl of 3 fast and 2 gated URLs, 2 at a time, and sends {@code cause} once both gated ones are in flight. */
  private int stoppedRun(CliRunner cli, Path out, StopCause cause) throws Exception {
    Path urls = list(site.list(3, 2));
    Future<Integer> run = runner.submit(() -> cli.run("-c", "2", "--grace", "0", "--out", out.toString(), urls.toString()));
    assertThat(site.awaitGated(2)).isTrue();
    assertThat(FileWait.awaitLines(AtomicFileSink.partialFile(out), 3, Duration.ofSeconds(10))).hasSize(3);
    cli.signals.send(cause);
    return run.get(30, TimeUnit.SECONDS);
  }

  @Test
  void sigtermStopsGracefullyRecordsInFlightUrlsAsCancelledFinishesTheFileAndExits143() throws Exception {
    Path out = dir.resolve("out.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(stoppedRun(cli, out, StopCause.SIGTERM)).isEqualTo(143);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5).doesNotHaveDuplicates();
    assertThat(cancelledLines(out)).isEqualTo(2);
    assertThat(lines).filteredOn(l -> l.contains("cancelled")).allMatch(l -> l.contains("run stopped (SIGTERM)"));
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    assertThat(cli.stderr()).contains("crawl: SIGTERM: stopping; URLs in flight get 0s to finish")
        .contains("crawl: stopped by SIGTERM: 5 URLs, 3 ok, 2 failed (cancelled 2)");
    assertThat(cli.halted.get()).isEqualTo(-1);
  }

  @Test
  void sigintExits130AndResumeRetriesOnlyTheCancelledUrls() throws Exception {
    Path out = dir.resolve("out.jsonl");
    assertThat(stoppedRun(new CliRunner(), out, StopCause.SIGINT)).isEqualTo(130);
    site.openGate();
    CliRunner resumed = new CliRunner();
    assertThat(resumed.run("--resume", "--out", out.toString(), dir.resolve("urls.txt").toString())).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5).doesNotHaveDuplicates().noneMatch(l -> l.contains("cancelled"));
    assertThat(site.requests("/fast/0")).isEqualTo(1);
    assertThat(site.requests("/gated/0")).isEqualTo(2);
    assertThat(resumed.stderr()).contains("resumed after 3 finished lines (3 ok, 0 failed); 2 URLs, 2 ok");
  }

  @Test
  void maxTimeStopsTheRunGracefullyAtTheDeadlineWithExit124() throws IOException {
    Path out = dir.resolve("out.jsonl");
    CliRunner cli = new CliRunner();
    // the two fast URLs are done and both gated ones in flight long before the deadline
    int code = cli.run("-c", "2", "--max-time", "1s", "--grace", "0", "--out", out.toString(),
        list(site.list(2, 2)).toString());
    assertThat(code).isEqualTo(124);
    assertThat(Files.readAllLines(out)).hasSize(4);
    assertThat(cancelledLines(out)).isEqualTo(2);
    assertThat(Files.readString(out)).contains("run stopped (--max-time)");
    assertThat(cli.stderr()).contains("stopped by --max-time");
  }

  /** A list on stdin whose producer wrote one line and stalls, the pipe left open: --max-time still ends the run. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read of the stalled list ignores interrupts
  void maxTimeEndsARunWhoseListOnStdinStalls() throws IOException {
    Path out = dir.resolve("out.jsonl");
    CountDownLatch release = new CountDownLatch(1);
    InputStream stalled = new InputStream() {
      @Override
      public int read() {
        while (true) {
          try {
            release.await();
            return -1;
          } catch (InterruptedException e) {
            // ignored, as by a read blocked on a pipe
          }
        }
      }
    };
    byte[] firstLine = (site.list(1, 0).getFirst() + "\nhttp://127.0.0.1/cut-sh").getBytes(StandardCharsets.UTF_8);
    try {
      CliRunner cli = new CliRunner();
      int code = cli.run(new SequenceInputStream(new ByteArrayInputStream(firstLine), stalled),
          "--max-time", "1s", "--grace", "0", "--out", out.toString(), "-");
      assertThat(code).as(cli.stderr()).isEqualTo(124);
      assertThat(Files.readAllLines(out)).singleElement().asString().contains("/fast/0").contains("\"ok\":true");
      assertThat(cli.stderr()).contains("stopped by --max-time: 1 URL, 1 ok");
    } finally {
      release.countDown();
    }
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
    return fifo;
  }

  /** A named pipe nobody opens for writing: opening it waits, and that must not hold the deadline either. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an open of the pipe ignores interrupts
  void maxTimeEndsARunWhoseNamedPipeNeverGetsAWriter() throws Exception {
    Path out = dir.resolve("out.jsonl");
    Path list = fifo("urls.fifo");
    CliRunner cli = new CliRunner();
    int code = cli.run("--max-time", "1s", "--out", out.toString(), list.toString());
    assertThat(code).as(cli.stderr()).isEqualTo(124);
    // no URL was read: the output is left as it was (here: none)
    assertThat(cli.stderr()).contains("no URL was read; nothing was crawled and '" + out + "' was left as it was");
    assertThat(cli.stderr()).contains("crawl: --max-time: stopping; no URL is in flight").doesNotContain("get 5s");
    assertThat(out).doesNotExist();
  }

  /** With a progress line, the list's lines are counted ahead: never by reading a pipe, whose lines the crawl needs. */
  @Test
  void everyLineOfANamedPipeIsCrawledWhenTheProgressLineIsShown() throws Exception {
    Path out = dir.resolve("out.jsonl");
    Path list = fifo("urls.fifo");
    int lines = 20_000;
    Future<?> writer = runner.submit(() -> {
      try (var w = Files.newBufferedWriter(list)) {
        for (int i = 0; i < lines; i++) w.write("not-a-url-" + i + "\n");
      }
      return null;
    });
    CliRunner cli = new CliRunner(java.time.Clock.systemUTC(), true);
    assertThat(cli.run("--out", out.toString(), list.toString())).as(cli.stderr()).isEqualTo(1);
    writer.get(10, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(out)).hasSize(lines).allMatch(l -> l.contains("invalid_url"));
  }

  @Test
  void aSecondRunOnTheSameOutputExits75NamingTheHoldersPid() throws Exception {
    Path out = dir.resolve("out.jsonl");
    Path urls = list(site.list(0, 1));
    CliRunner first = new CliRunner();
    Future<Integer> running = runner.submit(() -> first.run("--out", out.toString(), urls.toString()));
    assertThat(site.awaitGated(1)).isTrue();
    String pid = Long.toString(ProcessHandle.current().pid());
    String expected = "crawl: another run (pid " + pid + ") is writing '" + out + "' (lock " + out + ".lock); not starting";

    CliRunner second = new CliRunner();
    assertThat(second.run("--out", out.toString(), urls.toString())).isEqualTo(75);
    assertThat(second.stderr().strip()).isEqualTo(expected);

    CrawlProcess other = CrawlProcess.start(dir, "--out", out.toString(), urls.toString());
    assertThat(other.exitCode()).isEqualTo(75);
    assertThat(other.stderr().strip()).isEqualTo(expected);

    assertThat(site.requests("/gated/0")).isEqualTo(1);
    site.openGate();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(new CliRunner().run("--out", out.toString(), urls.toString())).isZero();
  }

  /** {@code first} run holding {@code lock} while it writes {@code out}, its one URL held at the site until the gate opens. */
  private Future<Integer> holding(CliRunner first, Path lock, String out, Path urls) throws InterruptedException {
    Future<Integer> running = runner.submit(() -> first.run("--lock", lock.toString(), "--out", out, urls.toString()));
    assertThat(site.awaitGated(1)).isTrue();
    return running;
  }

  @Test
  void aRunRefusedByASharedLockNamesTheFileTheHolderIsWriting() throws Exception {
    Path yesterday = dir.resolve("results-2026-11-23.jsonl");
    Path today = dir.resolve("results-2026-11-24.jsonl");
    Path shared = dir.resolve("crawl.lock");
    Path urls = list(site.list(0, 1));
    Future<Integer> running = holding(new CliRunner(), shared, yesterday.toString(), urls);
    String expected = "crawl: another run (pid " + ProcessHandle.current().pid() + ") is writing '" + yesterday
        + "' (lock " + shared + "); not starting";

    CliRunner second = new CliRunner();
    assertThat(second.run("--lock", shared.toString(), "--out", today.toString(), urls.toString())).isEqualTo(75);
    assertThat(second.stderr().strip()).isEqualTo(expected);
    CrawlProcess other = CrawlProcess.start(dir, "--lock", shared.toString(), "--out", today.toString(), urls.toString());
    assertThat(other.exitCode()).isEqualTo(75);
    assertThat(other.stderr().strip()).isEqualTo(expected);

    site.openGate();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(today).doesNotExist();
  }

  @Test
  void aHolderThatNamedItsOutputRelativelyIsNamedByItsFullPath() throws Exception {
    Path list = list(site.list(0, 1));
    CrawlProcess holder = CrawlProcess.startIn(dir, "--lock", "crawl.lock", "--out", "yesterday.jsonl", list.toString());
    assertThat(site.awaitGated(1)).isTrue();

    CliRunner second = new CliRunner();
    assertThat(second.run("--lock", dir.resolve("crawl.lock").toString(), "--out", dir.resolve("today.jsonl").toString(),
        list.toString())).isEqualTo(75);
    assertThat(second.stderr()).contains("is writing '" + dir.toRealPath().resolve("yesterday.jsonl") + "'");

    site.openGate();
    assertThat(holder.exitCode()).isZero();
  }

  @Test
  void aRunWithoutTheFirstRunsLockFileIsStillKeptOffItsOutput() throws Exception {
    Path out = dir.resolve("out.jsonl");
    Path shared = dir.resolve("crawl.lock");
    Path urls = list(site.list(0, 1));
    Future<Integer> running = holding(new CliRunner(), shared, out.toString(), urls);

    CliRunner second = new CliRunner();
    assertThat(second.run("--resume", "--out", out.toString(), urls.toString())).isEqualTo(75);
    assertThat(second.stderr()).contains("(lock " + out + ".lock)");

    assertThat(site.requests("/gated/0")).isEqualTo(1);
    site.openGate();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(Files.readAllLines(out)).hasSize(1);
  }

  @Test
  void aLockNamedForResultsOnStdoutKeepsASecondRunOut() throws Exception {
    Path lock = dir.resolve("crawl.lock");
    Path urls = list(site.list(0, 1));
    CliRunner first = new CliRunner();
    Future<Integer> running = holding(first, lock, "-", urls);

    CliRunner second = new CliRunner();
    assertThat(second.run("--lock", lock.toString(), "--out", "-", urls.toString())).isEqualTo(75);
    assertThat(second.stderr().strip()).isEqualTo("crawl: another run (pid " + ProcessHandle.current().pid()
        + ") is writing to standard output (lock " + lock + "); not starting");
    assertThat(second.stdout()).isEmpty();

    site.openGate();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(first.stdout().lines()).hasSize(1);
  }
}
