package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --max-tasks-per-worker} with workers that hold slow URLs: stand-in workers that are no processes. */
@Timeout(60)
class WorkerRecyclingTest {
  private final HoldingProcess.Release release = new HoldingProcess.Release();
  private final List<HoldingProcess> launched = new CopyOnWriteArrayList<>();
  private final AtomicInteger mostAlive = new AtomicInteger();

  /** Launches a holding worker and notes how many of those launched are alive with it. */
  private Process launch(int id) {
    HoldingProcess p = new HoldingProcess(release);
    launched.add(p);
    mostAlive.accumulateAndGet((int) launched.stream().filter(x -> !x.ended()).count(), Math::max);
    return p;
  }

  private int held() {
    return launched.stream().mapToInt(HoldingProcess::held).sum();
  }

  @Test
  void retiringWorkersHoldingSlowUrlsNeverMakeMoreThanTwiceTheWorkersAliveAndEveryUrlIsAnswered() throws Exception {
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(2, 1), TestPools.FETCH, 8, this::launch)) {
      List<CompletableFuture<FetchResult>> urls = IntStream.rangeClosed(1, 16)
          .mapToObj(i -> mode.fetch("http://127.0.0.1:1/" + i)).toList();
      Conditions.await(() -> held() >= 4);  // two retired workers and their two retired replacements
      assertThat(mode.stats().livePids()).as("workers alive while four hold a URL each").hasSize(4);

      release.open();

      for (CompletableFuture<FetchResult> url : urls) assertThat(url.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(mostAlive.get()).as("workers alive at once, at most 2 × --workers").isEqualTo(4);
    }
  }
}
