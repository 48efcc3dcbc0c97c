package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.CrawlSummary;
import io.crawlpipe.crawler.Pipeline;
import io.crawlpipe.crawler.UrlSource;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ProcessPoolModeTest {

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  private static List<FetchResult> fetchAll(ProcessPoolMode mode, List<String> urls) throws Exception {
    List<CompletableFuture<FetchResult>> futures = urls.stream().map(mode::fetch).toList();
    List<FetchResult> results = new ArrayList<>();
    for (CompletableFuture<FetchResult> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
    return results;
  }

  @Test
  void fetchesInWorkerProcessesAndCompletesEachFutureInTheParent() throws Exception {
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(2, 0), TestPools.FETCH, 8)) {
      List<String> urls = IntStream.range(0, 30).mapToObj(i -> site.url("/page/" + i)).toList();
      List<FetchResult> results = fetchAll(mode, urls);

      assertThat(results).extracting(FetchResult::url).containsExactlyElementsOf(urls);
      assertThat(results).allMatch(r -> r.status() == 200);
      assertThat(new String(results.get(29).body(), StandardCharsets.UTF_8)).contains("<title>Page 29</title>");
      assertThat(mode.fetch(site.url("/missing")).get(30, TimeUnit.SECONDS).status()).isEqualTo(404);
      PoolStats stats = mode.stats();
      assertThat(stats.started()).isEqualTo(2);
      assertThat(stats.livePids()).hasSize(2).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
      assertThat(TestPools.descendants()).extracting(ProcessHandle::pid).containsExactlyInAnyOrderElementsOf(stats.livePids());
      assertThat(stats.crashed()).isZero();
    }
  }

  @Test
  void aUrlWaitingForRoomOnAWorkerIsReportedSentOnlyWhenTheWorkerStartsIt() throws Exception {
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 1)) {
      CompletableFuture<FetchResult> held = mode.fetch(site.url("/held/1"));
      assertThat(site.awaitHeld(1)).isTrue();  // the only worker is full
      List<String> events = new CopyOnWriteArrayList<>();
      CompletableFuture<FetchResult> waiting = mode.fetch(site.url("/page/2"), () -> events.add("sent"));
      waiting.thenRun(() -> events.add("answered"));
      assertThat(events).as("reported while it waits for the worker").isEmpty();

      site.release();
      assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      Conditions.await(() -> events.size() == 2);
      assertThat(events).containsExactly("sent", "answered");
      assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
  }

  @Test
  void aFailureIsTimedByTheWorkerFromItsFetchNotFromWhenItWasHandedToThePool() throws Exception {
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 1)) {
      CompletableFuture<FetchResult> held = mode.fetch(site.url("/held/1"));
      assertThat(site.awaitHeld(1)).isTrue();  // the only worker is full: the next URL waits in the pool
      CompletableFuture<FetchResult> refused = mode.fetch("http://127.0.0.1:1/");

      Instant released = Instant.now();
      site.release();
      assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(FetchException.class);
      Instant answered = Instant.now();
      FetchException e = (FetchException) refused.exceptionNow();
      assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(e.fetchedAt()).as("the worker started it after the page before it").isNotNull().isAfter(released);
      assertThat(e.fetchedAt().plusMillis(e.elapsedMs())).isBeforeOrEqualTo(answered);
    }
  }

  @Test
  void aWorkerKilledMidRunLosesNoUrlAndIsReplaced() throws Exception {
    Queue<CrawlResult> lines = new ConcurrentLinkedQueue<>();
    ResultSink sink = new ResultSink() {
      @Override public void write(CrawlResult result) { lines.add(result); }
      @Override public void close() {}
    };
    List<String> urls = new ArrayList<>();
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(2, 0), TestPools.FETCH, 20)) {
      for (int i = 0; i < 20; i++) urls.add(site.url("/held/" + i));
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 20);
      CompletableFuture<CrawlSummary> run = CompletableFuture.supplyAsync(
          () -> pipeline.run(new UrlSource(new StringReader(String.join("\n", urls)))));
      assertThat(site.awaitHeld(20)).as("all 20 requests reached the site").isTrue();

      long victim = mode.stats().livePids().getFirst();
      ProcessHandle.of(victim).orElseThrow().destroyForcibly();
      site.release();
      CrawlSummary summary = run.get(60, TimeUnit.SECONDS);

      assertThat(lines).extracting(CrawlResult::url).containsExactlyInAnyOrderElementsOf(urls);
      assertThat(lines).allMatch(r -> r.ok() && r.title().startsWith("Page "));
      assertThat(summary.ok()).isEqualTo(20);
      PoolStats stats = mode.stats();
      assertThat(stats.crashed()).isEqualTo(1);
      assertThat(stats.redispatched()).isEqualTo(10);
      assertThat(stats.started()).isEqualTo(3);
      assertThat(stats.livePids()).hasSize(2).doesNotContain(victim);
    }
  }

  @Test
  void aWorkerThatStopsAnsweringIsKilledAndItsUrlsGoToItsReplacement() throws Exception {
    // one worker: the pool is open once it said hello, and it gets the URL
    ProcessPoolSettings settings = TestPools.settings(1, 0, 64L << 20, Duration.ofMillis(500));
    var fetch = new io.crawlpipe.crawler.fetch.FetchSettings(Duration.ofSeconds(1), 1 << 20, 5, "test");
    try (PoolSite site = new PoolSite(); ProcessPoolMode mode = new ProcessPoolMode(settings, fetch, 4)) {
      long frozen = mode.stats().livePids().getFirst();
      signal("STOP", frozen);  // alive but silent
      FetchResult result = mode.fetch(site.url("/page/1")).get(60, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(200);
      PoolStats stats = mode.stats();
      assertThat(stats.unresponsive()).isEqualTo(1);
      assertThat(stats.redispatched()).isEqualTo(1);
      assertThat(ProcessHandle.of(frozen)).isEmpty();
    }
  }

  @Test
  void maxTasksPerWorkerRetiresAWorkerAfterThatManyUrls() throws Exception {
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 2), TestPools.FETCH, 4)) {
      Set<Long> pids = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        assertThat(mode.fetch(site.url("/page/" + i)).get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        pids.addAll(mode.stats().livePids());
      }

      PoolStats stats = mode.stats();
      // 2 + 2 + 1 URLs: the first two workers were retired, each replaced as it retired
      assertThat(stats.recycled()).isEqualTo(2);
      assertThat(stats.started()).isEqualTo(3);
      assertThat(pids).hasSize(3);
      assertThat(stats.crashed()).isZero();
    }
  }

  @Test
  void aUrlThatKillsEveryWorkerItIsSentToFailsAsWorkerCrashedAfterThreeWorkers() throws Exception {
    ProcessPoolSettings settings = TestPools.settings(1, 0, 16L << 20, Duration.ofSeconds(10));
    var fetch = new io.crawlpipe.crawler.fetch.FetchSettings(Duration.ofSeconds(20), 1L << 30, 5, "test");
    try (PoolSite site = new PoolSite(); ProcessPoolMode mode = new ProcessPoolMode(settings, fetch, 2)) {
      CompletableFuture<FetchResult> huge = mode.fetch(site.url("/huge"));

      assertThatThrownBy(() -> huge.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(FetchException.class).hasMessageContaining("3 worker processes died");
      FetchException e = (FetchException) huge.exceptionNow();
      assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
      assertThat(e.fetchedAt()).as("no worker timed it: the scheduler times it from the hand-off").isNull();
      assertThat(e.url()).isEqualTo(site.url("/huge"));
      assertThat(mode.stats().crashed()).isEqualTo(3);
      assertThat(mode.fetch(site.url("/page/1")).get(60, TimeUnit.SECONDS).status()).as("pool still works").isEqualTo(200);
    }
  }

  @Test
  void aPageWithAHeaderValueTooLongToKeepIsFetchedWithoutItInsteadOfBreakingTheWorkerProtocol() throws Exception {
    try (PoolSite site = new PoolSite();
         ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4)) {
      FetchResult page = mode.fetch(site.url("/huge-etag")).get(60, TimeUnit.SECONDS);

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.headers()).doesNotContainKey("etag");
      assertThat(mode.stats().crashed()).isZero();
    }
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
  }
}
