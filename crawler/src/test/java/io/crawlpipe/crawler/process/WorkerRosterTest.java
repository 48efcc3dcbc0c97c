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
  private final WorkerRoster roster = new WorkerRoster(launchesDone);

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
      for (int i = 0; i < WorkerRoster.MAX_START_FAILURES - 1; i++) roster.startFailed();
    });
    assertThat(locked(roster::beginReplacement)).isTrue();
    locked(roster::startFailed);
    assertThat(locked(roster::beginReplacement)).isFalse();
  }

  @Test
  void aHelloStartsTheCountOfFailuresInARowAgain() {
    locked(() -> {
      roster.running();
      for (int i = 0; i < WorkerRoster.MAX_START_FAILURES; i++) roster.startFailed();
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

    locked(roster::launchEnded);
    assertThat(locked(() -> roster.breakIfEmpty("worker 1 exited with status 1"))).isTrue();
    assertThat(locked(() -> roster.breakIfEmpty("worker 2 exited with status 1"))).isFalse();
    assertThat(locked(roster::refusal)).isEqualTo("no worker process is running: worker 1 exited with status 1");
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
