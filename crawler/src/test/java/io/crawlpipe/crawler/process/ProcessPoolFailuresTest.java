package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start failures and lost workers, with stand-in workers written in sh: quick, no JVM to start. */
@Timeout(60)
class ProcessPoolFailuresTest {
  /** Says hello in protocol version {@code version}, then reads its stdin to the end and never answers. */
  private static WorkerLauncher silentWorker(int version) {
    return id -> new ProcessBuilder("sh", "-c",
        "echo '{\"type\":\"hello\",\"version\":" + version + ",\"pid\":'$$'}'; exec cat > /dev/null").start();
  }

  /** Says hello, then answers its first job with a page declaring {@code length}, then runs {@code then}. */
  private static WorkerLauncher pageWorker(String length, String then) {
    return id -> new ProcessBuilder("sh", "-c",
        "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'; read hello; read job;"
            + " echo '{\"type\":\"page\",\"id\":1,\"final_url\":\"http://a.test/\",\"status\":200,\"fetched_at_second\":0,"
            + "\"fetched_at_nano\":0,\"elapsed_ms\":1,\"attempts\":1,\"body_length\":" + length + "}'; " + then).start();
  }

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  private static FetchException failure(CompletableFuture<FetchResult> future) {
    assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(FetchException.class);
    FetchException e = (FetchException) future.exceptionNow();
    assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
    return e;
  }

  @Test
  void aWorkerSpeakingAnotherProtocolVersionFailsTheStartWithOneClearLine() {
    assertThatThrownBy(() -> new ProcessPoolMode(TestPools.settings(2, 0), TestPools.FETCH, 4, silentWorker(99)))
        .isInstanceOf(WorkerStartException.class)
        .hasMessageMatching("worker \\d \\(pid \\d+\\) speaks worker protocol version 99 but this crawl speaks version "
            + ProtocolCodec.VERSION + " \\(was the jar replaced while the crawl ran\\?\\)");
  }

  @Test
  void aWorkerThatExitsBeforeItsHelloFailsTheStartNamingItsExitStatus() {
    WorkerLauncher broken = id -> new ProcessBuilder("sh", "-c", "echo 'Error: cannot find main class' >&2; exit 1").start();
    assertThatThrownBy(() -> new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, broken))
        .isInstanceOf(WorkerStartException.class)
        .hasMessageMatching("worker 1 \\(pid \\d+\\) exited with status 1 before its hello: Error: cannot find main class");
  }

  @Test
  void aWorkerThatExitedBeforeItsHelloButIsNotReapedYetIsNotKilledBeforeItsLastWordsAreRead() {
    ExitedUnreapedProcess exited = new ExitedUnreapedProcess("Error: cannot find main class");

    assertThatThrownBy(() -> new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, id -> exited))
        .isInstanceOf(WorkerStartException.class)
        .hasMessage("worker 1 (pid 4300000) exited with status 1 before its hello: Error: cannot find main class");
  }

  @Test
  void aJavaBinaryThatCannotRunFailsTheStart() {
    WorkerLauncher missing = id -> new ProcessBuilder("/nonexistent/bin/java", "-version").start();
    assertThatThrownBy(() -> new ProcessPoolMode(TestPools.settings(2, 0), TestPools.FETCH, 4, missing))
        .isInstanceOf(WorkerStartException.class)
        .hasMessageStartingWith("cannot start worker 1: Cannot run program \"/nonexistent/bin/java\"");
  }

  @Test
  void whenNoReplacementCanStartTheUrlsOfTheLostWorkerFailAsWorkerCrashed() throws IOException {
    WorkerLauncher firstOnly = id -> {
      if (id > 1) throw new IOException("no more processes for this test");
      return silentWorker(ProtocolCodec.VERSION).launch(id);
    };
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstOnly)) {
      CompletableFuture<FetchResult> held = mode.fetch("http://127.0.0.1:1/held");
      ProcessHandle.of(mode.stats().livePids().getFirst()).orElseThrow().destroyForcibly();

      assertThat(failure(held)).hasMessageContaining("no worker process is running: cannot start worker 4: no more processes");
      FetchException later = failure(mode.fetch("http://127.0.0.1:1/later"));
      assertThat(later).hasMessageStartingWith("no worker process is running");
      // The workers each was sent to: the scheduler takes 0 for a URL never fetched (elapsed_ms 0).
      assertThat(failure(held).attempts()).isEqualTo(1);
      assertThat(later.attempts()).isZero();
      assertThat(mode.stats().crashed()).isEqualTo(1);
    }
  }

  @Test
  void closingThePoolFailsUrlsStillInFlightAndStopsTheWorkers() {
    CompletableFuture<FetchResult> held;
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(2, 0), TestPools.FETCH, 4,
        silentWorker(ProtocolCodec.VERSION))) {
      held = mode.fetch("http://127.0.0.1:1/held");
    }
    assertThat(failure(held)).hasMessageMatching("the crawl ended while worker [12] \\(pid \\d+\\) was fetching it");
  }

  @Test
  void aWorkerSendingABrokenFrameIsKilledAndItsUrlGoesToAnotherWorker() {
    WorkerLauncher brokenFrames = pageWorker("\"abc\"", "exec cat > /dev/null");
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, brokenFrames)) {
      FetchException e = failure(mode.fetch("http://127.0.0.1:1/page"));

      assertThat(e).hasMessageMatching("3 worker processes died while fetching it; the last: worker 3 \\(pid \\d+\\) broke the"
          + " worker protocol, so it was killed: broken page frame \\(body_length must be a whole number from 0 to 1048576"
          + " \\(the body limit\\), was \"abc\"\\): \\{\"type\":\"page\".*");
      assertThat(mode.stats().crashed()).isEqualTo(3);
    }
  }

  @Test
  void aWorkerThatDiesInsideAPageIsReportedByItsExitStatusNotAsBrokenFrames() {
    WorkerLauncher dying = pageWorker("100", "printf 0123456789; exit 3");
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, dying)) {
      FetchException e = failure(mode.fetch("http://127.0.0.1:1/page"));

      assertThat(e).hasMessageMatching("3 worker processes died while fetching it; the last: worker 3 \\(pid \\d+\\) exited with status 3");
    }
  }

  @Test
  void aStopCancelsTheUrlsWaitingForAWorkerAndAnySubmittedLater() {
    // worker 1 retires after one URL and never answers it; its replacement never says hello
    WorkerLauncher slowReplacement = id -> id == 1 ? silentWorker(ProtocolCodec.VERSION).launch(id)
        : new ProcessBuilder("sh", "-c", "exec sleep 60").start();
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 1), TestPools.FETCH, 4, slowReplacement)) {
      CompletableFuture<FetchResult> held = mode.fetch("http://127.0.0.1:1/held");
      CompletableFuture<FetchResult> waiting = mode.fetch("http://127.0.0.1:1/waiting");
      assertThat(waiting).isNotDone();

      mode.stopStarting("SIGTERM");
      for (CompletableFuture<FetchResult> cancelled : java.util.List.of(waiting, mode.fetch("http://127.0.0.1:1/later"))) {
        assertThat(cancelled).isCompletedExceptionally();
        FetchException e = (FetchException) cancelled.exceptionNow();
        assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
        assertThat(e).hasMessageContaining("run stopped (SIGTERM) before a worker took this URL");
      }
      assertThat(held).isNotDone();
    }
  }

  @Test
  void aWorkerLostAfterAStopIsNotReplacedAndTheUrlsItHeldAreCancelled() throws Exception {
    java.util.concurrent.atomic.AtomicInteger launches = new java.util.concurrent.atomic.AtomicInteger();
    WorkerLauncher counted = id -> {
      launches.incrementAndGet();
      return silentWorker(ProtocolCodec.VERSION).launch(id);
    };
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, counted)) {
      CompletableFuture<FetchResult> held = mode.fetch("http://127.0.0.1:1/held");
      mode.stopStarting("SIGTERM");
      ProcessHandle.of(mode.stats().livePids().getFirst()).orElseThrow().destroyForcibly();

      assertThatThrownBy(() -> held.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(FetchException.class, e -> {
        assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
        assertThat(e).hasMessageContaining("before a worker took this URL again");
      });
    } // closing waits for launches under way
    assertThat(launches.get()).as("workers launched").isEqualTo(1);
  }

  @Test
  void runningOutOfMemoryReadingAnAnswerKillsTheWorkerAndTheUrlEndsAsWorkerCrashed() {
    WorkerLauncher oom = id -> new FakeProcess(() -> new OutOfMemoryError("Java heap space"));
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, oom)) {
      FetchException e = failure(mode.fetch("http://127.0.0.1:1/page"));

      assertThat(e).hasMessageMatching("3 worker processes died while fetching it; the last: worker 3 \\(pid \\d+\\) could"
          + " not be read, so it was killed: the crawl ran out of memory reading its answer \\(raise CRAWLPIPE_HEAP, or"
          + " lower --max-bytes or --concurrency\\)");
      assertThat(mode.stats().crashed()).isEqualTo(3);
    }
  }

  @Test
  void anUnexpectedExceptionReadingAnAnswerKillsTheWorkerInsteadOfLeavingItsUrlWaiting() {
    WorkerLauncher failing = id -> new FakeProcess(() -> new IllegalStateException("a bug in the reader"));
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, failing)) {
      assertThat(failure(mode.fetch("http://127.0.0.1:1/page"))).hasMessageEndingWith(
          "could not be read, so it was killed: java.lang.IllegalStateException: a bug in the reader");
    }
  }

  @Test
  void aWorkerThatRanOutOfMemoryIsSaidToHaveRunOutOfMemoryNotToHaveExitedWithStatus3() {
    WorkerLauncher outOfMemory = id -> new ProcessBuilder("sh", "-c",
        "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'; read hello; read job;"
            + " echo 'Terminating due to java.lang.OutOfMemoryError: Java heap space' >&2; exit 3").start();
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, outOfMemory)) {
      assertThat(failure(mode.fetch("http://127.0.0.1:1/page")))
          .hasMessageMatching("3 worker processes died while fetching it; the last: worker 3 \\(pid \\d+\\) ran out of"
              + " memory \\(--worker-heap 64m\\)");
    }
  }
}
