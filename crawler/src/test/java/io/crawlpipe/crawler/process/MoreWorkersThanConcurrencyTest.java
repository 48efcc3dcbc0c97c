package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.LogCapture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** More workers asked for than URLs in flight: stand-in workers that are no processes. */
@Timeout(60)
class MoreWorkersThanConcurrencyTest {
  @Test
  void onlyAsManyWorkersStartAsUrlsCanBeInFlightAndOneWarningSaysSo() {
    AtomicInteger launched = new AtomicInteger();
    HoldingProcess.Release release = new HoldingProcess.Release();
    WorkerLauncher counted = id -> {
      launched.incrementAndGet();
      return new HoldingProcess(release);
    };
    try (LogCapture log = LogCapture.debugOf(WorkerPool.class);
        ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(4, 0), TestPools.FETCH, 2, counted)) {
      assertThat(launched.get()).as("workers launched by the start").isEqualTo(2);
      Conditions.await(() -> mode.stats().livePids().size() == 2);

      assertThat(log.lines()).filteredOn(line -> line.contains("--concurrency")).singleElement().asString()
          .isEqualTo("--workers 4 is more than --concurrency 2: starting 2 worker processes (each holds at least one URL"
              + " in flight, so more would never get one)");
    }
    assertThat(launched.get()).as("workers launched").isEqualTo(2);
  }
}
