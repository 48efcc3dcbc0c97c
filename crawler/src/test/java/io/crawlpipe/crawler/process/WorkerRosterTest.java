package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's rules for growing, breaking and closing, without any worker process. */
@Timeout(30)
class WorkerRosterTest {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition launchesDone = lock.newCondition();
  private final WorkerRoster roster = new WorkerRoster(launchesDone, 2);

  /** Runs {@code body} with the lock held, as the pool does. */
  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  private void locked(Runnable body) {
    locked(() -> {
      body.run();
      return null;
    });
  }

  @Test
  void noReplacementStartsBeforeThePoolRuns() {
    assertThat(locked(roster::beginReplacement)).isFalse();
    locked(roster::running);
    assertThat(locked(roster::beginReplacement)).isTrue();
  }

  @Test
  void replacementsStopAfterThreeWorkersInARowFailedToStart() {
    locked(() -> {
      roster.running();
      for (int i = 0; i < WorkerRoster.MAX_START_FAILURES - 1; i++) roster.startFailed("worker 9 exited with status 1 before its hello");
    });
    assertThat(locked(roster::beginReplacement)).isTrue();
    locked(() -> roster.startFailed("worker 9 exited with status 1 before its hello"));
    assertThat(locked(roster::beginReplacement)).isFalse();
  }

  /** A worker launched and admitted, in {@code state}. */
  private WorkerProcess admitted(WorkerProcess.State state) {
    WorkerProcess w = new WorkerProcess(locked(roster::nextId), new FakeProcess(AssertionError::new), new ProtocolCodec(),
        1 << 20, 64L << 20);
    w.state = state;
    assertThat(locked(() -> roster.admit(w))).isTrue();
    return w;
  }

  /** {@code w} reached the task limit, as the router reports it. */
  private void retire(WorkerProcess w) {
    locked(() -> {
      w.state = WorkerProcess.State.RETIRING;
      roster.retired(1);
    });
  }

  @Test
  void replacementsStartWhileFewerThanTheWorkersServeAndFewerThanTwiceTheWorkersAreAlive() {
    locked(() -> {
      roster.launchBegun();
      roster.launchBegun();
      roster.running();
    });
    WorkerProcess first = admitted(WorkerProcess.State.READY);
    WorkerProcess second = admitted(WorkerProcess.State.READY);
    assertThat(locked(roster::beginReplacement)).as("two of two serving").isFalse();

    retire(first);
    assertThat(locked(roster::beginReplacement)).as("a retired worker's replacement").isTrue();
    assertThat(locked(roster::beginReplacement)).as("its replacement launching serves").isFalse();
    WorkerProcess third = admitted(WorkerProcess.State.STARTING);
    retire(second);
    assertThat(locked(roster::beginReplacement)).isTrue();
    admitted(WorkerProcess.State.READY);

    retire(third);  // three retiring, one serving: four alive
    assertThat(locked(roster::beginReplacement)).as("twice the workers alive").isFalse();
    locked(() -> roster.remove(first));  // a retiring worker exited
    assertThat(locked(roster::beginReplacement)).isTrue();
  }

  @Test
  void aHelloStartsTheCountOfFailuresInARowAgain() {
    locked(() -> {
      roster.running();
      for (int i = 0; i < WorkerRoster.MAX_START_FAILURES; i++) roster.startFailed("worker 9 exited with status 1 before its hello");
      roster.started();
    });
    assertThat(locked(roster::beginReplacement)).isTrue();
  }

  @Test
  void thePoolBreaksOnceNoWorkerIsLiveOrBeingLaunchedAndThenRefusesUrlsSayingWhy() {
    locked(() -> {
      roster.running();
      roster.launchBegun();
    });
    assertThat(locked(() -> roster.breakIfEmpty("worker 1 exited with status 1"))).isFalse();
    assertThat(locked(roster::refusal)).isNull();

    locked(() -> roster.launchFailed("cannot start worker 1: no java"));
    assertThat(locked(() -> roster.breakIfEmpty("worker 1 exited with status 1"))).isTrue();
    assertThat(locked(() -> roster.breakIfEmpty("worker 2 exited with status 1"))).isFalse();
    assertThat(locked(roster::refusal)).isEqualTo("no worker process is running: worker 1 exited with status 1");
  }

  @Test
  void aPoolBrokenAfterFailedStartsNamesTheLastFailedStartNotTheRetiredWorkerThatExitedLast() {
    locked(() -> {
      roster.launchBegun();
      roster.running();
    });
    WorkerProcess retired = admitted(WorkerProcess.State.READY);
    retire(retired);
    for (int i = 2; i <= 1 + WorkerRoster.MAX_START_FAILURES; i++) {
      String why = "worker " + i + " exited with status 1 before its hello";
      locked(() -> roster.startFailed(why));
    }
    assertThat(locked(roster::anyJoinedServing)).as("a retiring worker takes no new URLs").isFalse();
    assertThat(locked(() -> roster.remove(retired))).isEqualTo(WorkerProcess.State.RETIRING);

    assertThat(locked(() -> roster.breakIfEmpty("worker 1 exited with status 0"))).isTrue();
    assertThat(locked(roster::refusal))
        .isEqualTo("no worker process is running: worker 4 exited with status 1 before its hello");
  }

  @Test
  void aWorkerGoneBeforeItsLaunchEndedCanBreakThePool() {
    locked(() -> {
      roster.launchBegun();
      roster.running();
    });
    WorkerProcess w = admitted(WorkerProcess.State.STARTING);
    locked(() -> roster.remove(w));  // it exited before its hello, its launch still ending

    assertThat(locked(() -> roster.breakIfEmpty("worker 1 exited with status 1"))).isTrue();
  }

  @Test
  void aClosedPoolRefusesUrlsNeitherGrowsNorBreaksAndClosesOnlyOnce() {
    locked(roster::running);
    assertThat(locked(roster::close)).isTrue();
    assertThat(locked(roster::close)).isFalse();
    assertThat(locked(roster::refusal)).isEqualTo("the worker pool is closed");
    assertThat(locked(roster::beginReplacement)).isFalse();
    assertThat(locked(() -> roster.breakIfEmpty("gone"))).isFalse();
  }

  @Test
  void closingWaitsUntilTheLaunchUnderWayEnded() throws Exception {
    locked(roster::launchBegun);
    CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> locked(roster::close));
    awaitCloserWaiting();
    assertThat(closed).isNotDone();

    locked(roster::launchEnded);
    assertThat(closed.get(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Returns once the closing thread waits on the condition (it then no longer holds the lock). */
  private void awaitCloserWaiting() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!locked(() -> lock.hasWaiters(launchesDone))) {
      if (System.nanoTime() > deadline) fail("close() did not wait for the launch under way");
      Thread.yield();
    }
  }
}
