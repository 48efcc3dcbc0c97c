package io.crawlpipe.crawler.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ModeTest {
  private final AtomicInteger asked = new AtomicInteger();
  private final Supplier<Fetcher> fetcher = () -> {
    asked.incrementAndGet();
    return url -> {
      throw new AssertionError("not fetched in this test: " + url);
    };
  };

  private static CrawlConfig config(Mode mode) {
    ProcessPoolSettings oneSmallWorker = new ProcessPoolSettings(1, 32L << 20, 0, Duration.ofSeconds(10),
        Duration.ofSeconds(30), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    return CrawlConfig.builder().mode(mode).concurrency(4).processes(oneSmallWorker).build();
  }

  @Test
  void inProcessModesAskForTheirFetcherOnce() {
    for (Mode mode : List.of(Mode.THREADS, Mode.VIRTUAL)) {
      asked.set(0);
      try (FetchMode opened = mode.open(fetcher, config(mode))) {
        assertThat(opened).isNotNull();
      }
      assertThat(asked).as(mode.name()).hasValue(1);
    }
  }

  @Test
  void processesModeNeverAsksForAnInProcessFetcherItsWorkersBuildTheirOwn() {
    try (FetchMode opened = Mode.PROCESSES.open(fetcher, config(Mode.PROCESSES))) {
      assertThat(opened).isNotNull();
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void processesModeCannotRunAnInProcessFetcher() {
    Fetcher neverCalled = url -> null;
    assertThatThrownBy(() -> Mode.PROCESSES.open(neverCalled, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worker JVMs");
  }

  @Test
  void inProcessModesPassTheSendNoticeToTheFetcherOnItsThread() throws Exception {
    for (Mode mode : List.of(Mode.THREADS, Mode.VIRTUAL)) {
      CompletableFuture<Thread> fetchingThread = new CompletableFuture<>();
      CompletableFuture<Thread> noticeThread = new CompletableFuture<>();
      Fetcher writesLater = new Fetcher() {
        @Override
        public FetchResult fetch(String url) {
          throw new AssertionError("the notice must reach the fetcher");
        }

        @Override
        public FetchResult fetch(String url, Runnable sent) {
          fetchingThread.complete(Thread.currentThread());
          sent.run();  // as a fetcher does once it has connected
          return new FetchResult(url, url, 204, null, Map.of(), new byte[0], Instant.EPOCH, 0, 1);
        }
      };
      try (FetchMode opened = mode.open(writesLater, 2)) {
        assertThat(opened.fetch("http://a.test/", () -> noticeThread.complete(Thread.currentThread()))
            .get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
      }
      assertThat(noticeThread.get(10, TimeUnit.SECONDS)).as(mode.name())
          .isSameAs(fetchingThread.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
    }
  }

  @Test
  void closingWaitsSecondsNotAMinuteForAFetchThatDoesNotEnd() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (LogCapture log = LogCapture.debugOf(Fetches.class)) {
      for (Mode mode : List.of(Mode.THREADS, Mode.VIRTUAL)) {
        CountDownLatch started = new CountDownLatch(1);
        FetchMode opened = mode.open(deaf(started, release), 2);
        opened.fetch("http://a.test/");
        started.await();
        long start = System.nanoTime();
        opened.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(mode.name())
            .isLessThan(Fetches.STUCK_FETCH_WAIT.plusSeconds(5));
      }
      assertThat(log.lines()).hasSize(2).allMatch(line -> line.contains("interrupted and left behind"));
    } finally {
      release.countDown();
    }
  }

  /** A fetcher that tells {@code started} and then waits for {@code release}, deaf to interrupts and cancels. */
  private static Fetcher deaf(CountDownLatch started, CountDownLatch release) {
    return url -> {
      started.countDown();
      boolean interrupted = false;
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
      return new FetchResult(url, url, 204, null, Map.of(), new byte[0], Instant.EPOCH, 0, 1);
    };
  }

  @Test
  void coroutinesIsAnotherNameForVirtual() {
    assertThat(Mode.parse(" Coroutines ")).isEqualTo(Mode.VIRTUAL);
    assertThatThrownBy(() -> Mode.parse("fibers")).hasMessageContaining("'fibers'");
  }
}
