package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the pool when workers do not exit on their own: stand-in workers that are no processes. */
@Timeout(60)
class WorkerPoolCloseTest {
  private static final int WORKERS = 4;

  @Test
  void closingAPoolOfWorkersThatDoNotExitWaitsOnceForAllOfThemNotOnceForEach() {
    List<StoppedProcess> stopped = Stream.generate(StoppedProcess::new).limit(WORKERS).toList();
    Duration exitWait = Duration.ofSeconds(2);
    WorkerPool pool = new WorkerPool(TestPools.settings(WORKERS, 0), TestPools.FETCH, WORKERS,
        id -> stopped.get(id - 1), exitWait);
    pool.start(new CompletableFuture<>());
    for (int i = 0; i < WORKERS; i++) pool.submit(new PoolJob(i, "http://127.0.0.1:1/" + i));
    Conditions.await(() -> stopped.stream().allMatch(p -> p.linesRead() == 2));  // each holds a URL

    long begun = System.nanoTime();
    pool.close();
    Duration took = Duration.ofNanos(System.nanoTime() - begun);

    assertThat(stopped).allMatch(EndsWhenKilledProcess::ended);
    assertThat(took).as("one wait of %s for all %d workers, not one each", exitWait, WORKERS)
        // a timed wait may end a little before its time as this thread's clock sees it (seen: 1.9993 s of 2 s)
        .isGreaterThanOrEqualTo(exitWait.minusMillis(100)).isLessThan(exitWait.multipliedBy(WORKERS - 1));
  }
}
