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
