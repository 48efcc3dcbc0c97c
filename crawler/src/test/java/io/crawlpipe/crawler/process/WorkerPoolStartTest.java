package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlControl;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting the pool: a stop, a worker late for its hello, a hello after the deadline. Stand-in workers in sh. */
@Timeout(60)
class WorkerPoolStartTest {
  private static final String HELLO = "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'";

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  private static ProcessPoolSettings startingWithin(int workers, Duration startTimeout) {
    return new ProcessPoolSettings(workers, 64L << 20, 0, Duration.ofSeconds(10), startTimeout, TestPools.QUICK_JVM);
  }

  private static Process sh(String script) throws java.io.IOException {
    return new ProcessBuilder("sh", "-c", script).start();
  }

  @Test
  void aStopWhileTheWorkersAreStartingEndsTheStartAtOnceAndKillsThem() {
    CountDownLatch launched = new CountDownLatch(2);
    WorkerLauncher neverReady = id -> {
      Process p = sh("exec sleep 60");
      launched.countDown();
      return p;
    };
    CrawlControl control = new CrawlControl(Duration.ZERO);
    CompletableFuture.runAsync(() -> {
      try {
        if (launched.await(30, TimeUnit.SECONDS)) control.requestStop("SIGTERM");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long started = System.nanoTime();

    assertThatThrownBy(() -> new ProcessPoolMode(startingWithin(2, Duration.ofSeconds(30)), TestPools.FETCH, 4,
        neverReady, control))
        .isInstanceOf(WorkerStartException.class)
        .hasMessage("stopped by SIGTERM while the worker processes were starting");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the 30 s start timeout")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aWorkerLateForItsHelloIsKilledAndReplacedWhileTheOthersCrawl() throws Exception {
    AtomicReference<Process> late = new AtomicReference<>();
    CountDownLatch replaced = new CountDownLatch(1);
    WorkerLauncher secondIsLate = id -> {
      if (id == 2) {
        late.set(sh("exec sleep 60"));
        return late.get();
      }
      if (id == 3) replaced.countDown();
      return sh(HELLO + "; exec cat > /dev/null");
    };
    try (ProcessPoolMode mode = new ProcessPoolMode(startingWithin(2, Duration.ofSeconds(1)), TestPools.FETCH, 4,
        secondIsLate)) {
      assertThat(replaced.await(30, TimeUnit.SECONDS)).as("the late worker was replaced").isTrue();
      assertThat(late.get().isAlive()).as("the late worker").isFalse();
      assertThat(mode.stats().crashed()).isZero();
    }
  }

  @Test
  void aCallerWithItsInterruptStatusSetStartsThePoolAllTheSameAndKeepsTheStatus() {
    ProcessPoolMode mode;
    boolean kept;
    Thread.currentThread().interrupt();
    try {
      mode = new ProcessPoolMode(startingWithin(1, Duration.ofSeconds(30)), TestPools.FETCH, 4,
          id -> sh(HELLO + "; exec cat > /dev/null"));
    } finally {
      kept = Thread.interrupted();  // cleared before the close, which would kill the worker rather than await its exit
    }
    mode.close();

    assertThat(kept).as("the interrupt status is kept").isTrue();
  }

  @Test
  void aLaunchThatThrowsAfterAdmittingItsWorkerEndsTheStartAndTheWorkerInsteadOfHangingTheClose() {
    NoStderrProcess process = new NoStderrProcess();
    CompletableFuture<ProcessPoolMode> starting = CompletableFuture.supplyAsync(
        () -> new ProcessPoolMode(startingWithin(1, Duration.ofSeconds(30)), TestPools.FETCH, 4, id -> process));

    assertThat(starting).as("the start, which closes the pool on failure").failsWithin(Duration.ofSeconds(20))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOf(IllegalStateException.class).withMessage("no stderr");
    assertThat(process.ended()).as("the worker launched").isTrue();
  }

  @Test
  void aHelloAfterTheStartWatchdogDecidedToKillTheWorkerDoesNotMakeItReady() throws Exception {
    WorkerPool pool = new WorkerPool(TestPools.settings(1, 0), TestPools.FETCH, 4, id -> sh("exit 0"));
    try {
      WorkerProcess w = new WorkerProcess(1, new FakeProcess(AssertionError::new), new ProtocolCodec(), 1 << 20, 64L << 20);
      w.killReason = w + " did not say hello within 60 s";

      pool.onMessage(w, new WorkerMessage.Hello(ProtocolCodec.VERSION, w.pid()));

      assertThat(w.state).isEqualTo(WorkerProcess.State.STARTING);
      assertThat(w.ready).isNotDone();
    } finally {
      pool.close();
    }
  }
}
