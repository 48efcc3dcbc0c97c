package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the pool logs when a worker is lost; stand-in workers that are no processes. */
@Timeout(60)
class LostWorkerLogTest {
  @Test
  void theLastDeathOfAUrlSaysItFailedNotThatItWasSentAgain() {
    WorkerLauncher failing = id -> new FakeProcess(() -> new IllegalStateException("a bug in the reader"));
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, failing)) {
      CompletableFuture<?> url = mode.fetch("http://127.0.0.1:1/page");
      Conditions.await(url::isDone);
      Conditions.await(() -> log.lines().stream().anyMatch(line -> line.contains("(3 of 3)")));

      assertThat(log.lines()).filteredOn(line -> line.contains("(3 of 3)")).singleElement().asString()
          .endsWith("URLs it held: 1, none sent again; blamed on http://127.0.0.1:1/page (3 of 3), which failed as"
              + " worker_crashed");
    }
  }

  @Test
  void replacementsThatExitBeforeTheirHelloNameTheirFirstWordsInTheBrokenPoolsReasonAndClaimNoOtherWorkers()
      throws Exception {
    WorkerLauncher firstOnly = id -> new ProcessBuilder("sh", "-c", id == 1
        ? "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'; exec cat > /dev/null"
        : "echo 'Error: Could not find or load main class x.Main' >&2; exit 1").start();
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstOnly)) {
      CompletableFuture<?> held = mode.fetch("http://127.0.0.1:1/held");
      ProcessHandle.of(mode.stats().livePids().getFirst()).orElseThrow().destroyForcibly();

      Conditions.await(held::isDone);
      String why = "worker 4 \\(pid \\d+\\) exited with status 1 before its hello: Error: Could not find or load main"
          + " class x.Main";
      assertThat(((FetchException) held.exceptionNow()).type()).isEqualTo(ErrorType.WORKER_CRASHED);
      assertThat(held.exceptionNow()).hasMessageMatching("no worker process is running: " + why);
      assertThat(log.lines()).noneMatch(line -> line.contains("goes on with the other workers"))
          .anyMatch(line -> line.matches(".*worker 2 .* before its hello: .*; no other worker is running: starting another"))
          .anyMatch(line -> line.matches(".*no worker process is running and none could be started: " + why));
    }
  }

  @Test
  void aFailedStartsFirstWordsAreLoggedEscaped() {
    WorkerLauncher firstOnly = id -> new ProcessBuilder("sh", "-c", id == 1
        ? "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'; exec cat > /dev/null"
        : "printf 'Error: \\033[31mboom\\n' >&2; exit 1").start();
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstOnly)) {
      CompletableFuture<?> url = mode.fetch("http://127.0.0.1:1/page");
      ProcessHandle.of(mode.stats().livePids().getFirst()).orElseThrow().destroyForcibly();

      Conditions.await(url::isDone);
      Conditions.await(() -> log.lines().stream().anyMatch(line -> line.contains("none could be started") && line.contains("boom")));
      assertThat(log.lines()).filteredOn(line -> line.contains("boom"))
          .isNotEmpty().allMatch(line -> line.contains("Error: \\u001b[31mboom") && !line.contains("\u001b"));
    }
  }

  @Test
  void aPoolBrokenWhileItsLastWorkerRetiredNamesTheLastFailedStartAndClaimsNoOtherWorkers() {
    HoldingProcess.Release release = new HoldingProcess.Release();
    HoldingProcess first = new HoldingProcess(release);
    WorkerLauncher firstOnly = id -> id == 1 ? first
        : new ProcessBuilder("sh", "-c", "echo 'Error: Could not find or load main class x.Main' >&2; exit 1").start();
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 1), TestPools.FETCH, 4, firstOnly)) {
      CompletableFuture<?> served = mode.fetch("http://127.0.0.1:1/served");  // worker 1's one task: it retires
      CompletableFuture<?> waiting = mode.fetch("http://127.0.0.1:1/waiting");
      String why = "worker 4 \\(pid \\d+\\) exited with status 1 before its hello: Error: Could not find or load main"
          + " class x.Main";
      Conditions.await(() -> log.lines().stream().anyMatch(line -> line.matches(".*" + why + ";.*")));
      assertThat(waiting).isNotDone();

      release.open();  // worker 1 answers, then exits as a retired worker does

      Conditions.await(waiting::isDone);
      assertThat(served).isCompleted();
      assertThat(((FetchException) waiting.exceptionNow()).type()).isEqualTo(ErrorType.WORKER_CRASHED);
      assertThat(waiting.exceptionNow()).hasMessageMatching("no worker process is running: " + why);
      assertThat(log.lines()).noneMatch(line -> line.contains("goes on with the other workers"))
          .anyMatch(line -> line.matches(".*worker 2 .* before its hello: .*; the other workers are retiring and take no"
              + " new URLs: starting another"))
          .anyMatch(line -> line.matches(".*no worker process is running and none could be started: " + why));
    }
  }

  @Test
  void workersLostAfterAStopDoNotMakeThePoolSayNoneCouldBeStarted() {
    StoppedProcess worker = new StoppedProcess();
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, id -> worker)) {
      CompletableFuture<?> held = mode.fetch("http://127.0.0.1:1/held");
      Conditions.await(() -> worker.linesRead() == 2);
      mode.stopStarting("SIGTERM");

      worker.destroy();  // kill -9 during the grace

      Conditions.await(held::isDone);
      assertThat(((FetchException) held.exceptionNow()).type()).isEqualTo(ErrorType.CANCELLED);
      Conditions.await(() -> mode.stats().livePids().isEmpty());
      mode.close();
      assertThat(log.lines()).anyMatch(line -> line.contains("URLs it held: 1, cancelled (the run is stopping)"))
          .noneMatch(line -> line.contains("none could be started"));
    }
  }
}
