package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class PipelineTest {

  /** Collects results in memory; thread-safe. */
  static final class ListSink implements ResultSink {
    final Queue<CrawlResult> results = new ConcurrentLinkedQueue<>();

    @Override public void write(CrawlResult result) { results.add(result); }
    @Override public void close() {}
  }

  private static List<String> siteList(TestSite site, int pages) {
    List<String> lines = new ArrayList<>();
    lines.add("# a comment line");
    for (int i = 0; i < pages; i++) {
      lines.add(site.url("/page/" + i));
      if (i % 50 == 0) lines.add("   " + site.url("/page/" + i) + "  ");  // duplicate after trimming
      if (i % 100 == 0) lines.add("");
    }
    lines.addAll(List.of("not a url", "http://", "ftp://x", "http://bad host/", site.url("/missing"),
        site.url("/redirect/7"), site.url("/gbk")));
    return lines;
  }

  private static ListSink crawl(Mode mode, List<String> lines) {
    ListSink sink = new ListSink();
    new Crawler(CrawlConfig.builder().mode(mode).concurrency(16).build()).crawl(lines, sink);
    return sink;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyDistinctLineEndsAsExactlyOneResult(Mode mode) throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> lines = siteList(site, 300);
      ListSink sink = crawl(mode, lines);

      List<String> urls = sink.results.stream().map(CrawlResult::url).toList();
      assertThat(urls).doesNotHaveDuplicates().hasSize(300 + 7);
      Map<String, CrawlResult> byUrl = sink.results.stream().collect(Collectors.toMap(CrawlResult::url, r -> r));
      assertThat(byUrl.get(site.url("/page/42")).title()).isEqualTo("Page 42");
      assertThat(byUrl.get(site.url("/page/42")).ok()).isTrue();
      assertThat(byUrl.get(site.url("/missing")).status()).isEqualTo(404);
      assertThat(byUrl.get(site.url("/missing")).ok()).isFalse();
      assertThat(byUrl.get(site.url("/redirect/7")).finalUrl()).isEqualTo(site.url("/page/7"));
      assertThat(byUrl.get(site.url("/gbk")).title()).isEqualTo(TestSite.GBK_TITLE);
      assertThat(byUrl.get(site.url("/gbk")).charset()).isEqualTo("GBK");
      for (String invalid : List.of("not a url", "http://", "ftp://x", "http://bad host/")) {
        assertThat(byUrl.get(invalid).error().type()).as(invalid).isEqualTo(ErrorType.INVALID_URL);
      }
      // 300 pages + 404 + 2 for the redirect + gbk + the host's robots.txt (once): invalid and
      // duplicate lines are never fetched
      assertThat(site.requests()).isEqualTo(300 + 1 + 2 + 1 + 1);
    }
  }

  @Test
  void threadsAndVirtualModesProduceTheSameRecords() throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> lines = siteList(site, 200);
      assertThat(fingerprints(crawl(Mode.THREADS, lines))).isEqualTo(fingerprints(crawl(Mode.VIRTUAL, lines)));
    }
  }

  private static Set<String> fingerprints(ListSink sink) {
    return sink.results.stream()
        .map(r -> r.url() + "|" + r.status() + "|" + r.title() + "|" + r.ok() + "|" + r.bytes()
            + "|" + (r.error() == null ? "" : r.error().type()))
        .collect(Collectors.toSet());
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"THREADS", "VIRTUAL"})  // in-process: they run this fetcher
  void urlsInFlightNeverExceedTheConcurrency(Mode mode) {
    AtomicInteger current = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    Fetcher fetcher = url -> {
      max.accumulateAndGet(current.incrementAndGet(), Math::max);
      Thread.yield();
      current.decrementAndGet();
      return page(url, "<title>t</title>");
    };
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 2000; i++) urls.add("http://h" + (i % 7) + ".test/" + i);
    ListSink sink = new ListSink();
    runPipeline(mode.open(fetcher, 5), 5, urls, sink);
    assertThat(sink.results).hasSize(2000);
    assertThat(max.get()).isBetween(1, 5);
  }

  @Test
  void readerWaitsForFreeSlotsInsteadOfReadingAhead() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    CountDownLatch gate = new CountDownLatch(1);
    Fetcher blocking = url -> {
      started.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return page(url, "x");
    };
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 10_000; i++) list.append("http://h.test/").append(i).append('\n');
    UrlSource source = new UrlSource(new StringReader(list.toString()));
    ListSink sink = new ListSink();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (FetchMode mode = Mode.VIRTUAL.open(blocking, 3)) {
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 3);
      Future<CrawlSummary> run = runner.submit(() -> pipeline.run(source));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(source.distinct()).isLessThanOrEqualTo(4);
      gate.countDown();
      assertThat(run.get(30, TimeUnit.SECONDS).urls()).isEqualTo(10_000);
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void extractionFailureKeepsTheFetchFacts() {
    ListSink sink = new ListSink();
    Fetcher fetcher = url -> page(url, "<title>t</title>");
    try (FetchMode mode = Mode.THREADS.open(fetcher, 2)) {
      new Pipeline(mode, page -> { throw new ExtractionException(page.url(), "rule broke", null); },
          Runnable::run, sink, Clock.systemUTC(), 2).run(new UrlSource(new StringReader("http://a.test/")));
    }
    CrawlResult r = sink.results.peek();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isEqualTo(16);
    assertThat(r.title()).as("the default extraction's title").isEqualTo("t");
    assertThat(r.charset()).isEqualTo("UTF-8");
    assertThat(r.data()).isEmpty();
    assertThat(r.ok()).isFalse();
    assertThat(r.error().type()).isEqualTo(ErrorType.EXTRACT_ERROR);
    assertThat(r.error().message()).contains("rule broke").contains("http://a.test/");
  }

  @Test
  void onlyA2xxPageIsGivenToTheParserOthersKeepTheirStatusTitleAndNoData() {
    ListSink sink = new ListSink();
    Fetcher fetcher = url -> {
      int status = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
      return new FetchResult(url, url, status, "text/html", Map.of(), "<title>Oops</title>".getBytes(StandardCharsets.UTF_8),
          Instant.now(), 1, 1);
    };
    List<String> parsed = new java.util.concurrent.CopyOnWriteArrayList<>();
    PageParser rules = page -> {
      parsed.add(page.url());
      throw new ExtractionException(page.url(), "rule \"api\" field \"id\": not JSON", null);
    };
    try (FetchMode mode = Mode.VIRTUAL.open(fetcher, 2)) {
      new Pipeline(mode, rules, Runnable::run, sink, Clock.systemUTC(), 4)
          .run(new UrlSource(new StringReader("http://a.test/200\nhttp://a.test/404\nhttp://a.test/503\nhttp://a.test/301")));
    }
    assertThat(parsed).containsExactly("http://a.test/200");
    assertThat(sink.results).filteredOn(r -> r.status() != 200).hasSize(3).allSatisfy(r -> {
      assertThat(r.error()).isNull();
      assertThat(r.ok()).isFalse();
      assertThat(r.title()).isEqualTo("Oops");
      assertThat(r.data()).isEmpty();
    });
  }

  @Test
  void extractionTimeoutIsItsOwnErrorTypeAndKeepsTheFetchFacts() {
    ListSink sink = new ListSink();
    try (FetchMode mode = Mode.VIRTUAL.open(url -> page(url, "<title>t</title>"), 2)) {
      new Pipeline(mode, page -> { throw new ExtractTimeoutException(page.url(), "regex ran past 5 ms", java.time.Duration.ofMillis(5)); },
          Runnable::run, sink, Clock.systemUTC(), 2).run(new UrlSource(new StringReader("http://a.test/")));
    }
    CrawlResult r = sink.results.peek();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.error().type()).isEqualTo(ErrorType.EXTRACT_TIMEOUT);
  }

  @Test
  void anErrorWhileParsingIsTheUrlsInternalFailureAndTheRunGoesOn() {
    ListSink sink = new ListSink();
    PageParser parser = page -> {
      if (page.url().endsWith("/deep")) throw new StackOverflowError();
      if (page.url().endsWith("/huge")) throw new OutOfMemoryError("Java heap space");
      return new DefaultPageParser().parse(page);
    };
    try (FetchMode mode = Mode.VIRTUAL.open(url -> page(url, "<title>t</title>"), 2)) {
      CompletableFuture<CrawlSummary> run = CompletableFuture.supplyAsync(() -> new Pipeline(mode, parser,
          Runnable::run, sink, Clock.systemUTC(), 2).run(new UrlSource(new StringReader(
              "http://a.test/deep\nhttp://a.test/ok\nhttp://a.test/huge"))));
      assertThat(run).succeedsWithin(Duration.ofSeconds(30)).extracting(CrawlSummary::urls).isEqualTo(3L);
    }
    assertThat(sink.results).hasSize(3);
    assertThat(sink.results).filteredOn(r -> r.url().endsWith("/ok")).singleElement()
        .satisfies(r -> assertThat(r.title()).isEqualTo("t"));
    assertThat(sink.results).filteredOn(r -> !r.url().endsWith("/ok")).hasSize(2).allSatisfy(r -> {
      assertThat(r.ok()).isFalse();
      assertThat(r.error().type()).isEqualTo(ErrorType.INTERNAL);
      assertThat(r.attempts()).as("the fetch's, which was made").isEqualTo(1);
    });
    assertThat(sink.results).filteredOn(r -> r.url().endsWith("/huge")).singleElement()
        .satisfies(r -> assertThat(r.error().message()).isEqualTo("OutOfMemoryError: Java heap space"));
  }

  /** As {@code --mode processes} words it (a bug's class and message, no "null" for a missing message). */
  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"VIRTUAL", "THREADS"})
  void anErrorWhileFetchingIsTheUrlsInternalFailureInOnePlainLine(Mode kind) {
    ListSink sink = new ListSink();
    Fetcher fetcher = url -> {
      if (url.endsWith("/deep")) throw new StackOverflowError();
      throw new IllegalStateException("pool closed\n\tat somewhere");
    };
    try (FetchMode mode = kind.open(fetcher, 2)) {
      new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 2)
          .run(new UrlSource(new StringReader("http://a.test/deep\nhttp://a.test/closed")));
    }
    assertThat(sink.results).hasSize(2).allSatisfy(r -> assertThat(r.error().type()).isEqualTo(ErrorType.INTERNAL));
    assertThat(sink.results).extracting(r -> r.error().message())
        .containsExactlyInAnyOrder("StackOverflowError", "IllegalStateException: pool closed");
  }

  @Test
  void unwritableResultsStopTheRunWithAStoreException() {
    AtomicInteger writes = new AtomicInteger();
    ResultSink failing = new ResultSink() {
      @Override public void write(CrawlResult result) {
        if (writes.incrementAndGet() > 3) throw new StoreException("disk full", new IOException("ENOSPC"));
      }
      @Override public void close() {}
    };
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 500; i++) urls.add("http://h.test/" + i);
    try (FetchMode mode = Mode.VIRTUAL.open(url -> page(url, "x"), 4)) {
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), Runnable::run, failing, Clock.systemUTC(), 4);
      assertThatThrownBy(() -> pipeline.run(new UrlSource(new StringReader(String.join("\n", urls)))))
          .isInstanceOf(StoreException.class).hasMessageContaining("disk full");
    }
    assertThat(writes.get()).as("3 lines, the failing write, and no write after it").isEqualTo(4);
  }

  @Test
  void aParsedPageIsNoLongerHeldByItsFetchFuture() {
    Queue<CompletableFuture<FetchResult>> fetches = new ConcurrentLinkedQueue<>();
    AsyncFetcher fetcher = url -> {
      CompletableFuture<FetchResult> fetched = CompletableFuture.completedFuture(page(url, "<title>t</title>"));
      fetches.add(fetched);
      return fetched;
    };
    ListSink sink = new ListSink();
    new Pipeline(fetcher, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4)
        .run(new UrlSource(new StringReader("http://a.test/1\nhttp://a.test/2")));
    assertThat(sink.results).hasSize(2).allMatch(r -> "t".equals(r.title()));
    assertThat(fetches).hasSize(2).allMatch(f -> f.isDone() && f.getNow(page("http://x.test/", "")) == null);
  }

  @Test
  void aParsedPageTakesOneHandOffToTheParsePoolAndAFailedFetchIsStoredThereToo() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("parse-test-", 1).factory());
    ExecutorService reader = Executors.newSingleThreadExecutor();
    AtomicInteger handOffs = new AtomicInteger();
    Executor counting = task -> {
      handOffs.incrementAndGet();
      pool.execute(task);
    };
    Queue<String> storingThreads = new ConcurrentLinkedQueue<>();
    ResultSink sink = new ResultSink() {
      @Override public void write(CrawlResult result) {
        storingThreads.add(Thread.currentThread().getName());
      }
      @Override public void close() {}
    };
    // /1 is fetched before its stages are attached; the others complete later, on this test's
    // thread, as they complete on the host scheduler's
    BlockingQueue<Map.Entry<String, CompletableFuture<FetchResult>>> started = new LinkedBlockingQueue<>();
    AsyncFetcher fetcher = url -> {
      if (url.endsWith("/1")) return CompletableFuture.completedFuture(page(url, "<title>t</title>"));
      CompletableFuture<FetchResult> fetched = new CompletableFuture<>();
      started.add(Map.entry(url, fetched));
      return fetched;
    };
    try {
      Pipeline pipeline = new Pipeline(fetcher, new DefaultPageParser(), counting, sink, Clock.systemUTC(), 8);
      Future<CrawlSummary> run = reader.submit(() -> pipeline.run(
          new UrlSource(new StringReader("http://a.test/1\nhttp://a.test/2\nhttp://a.test/3\nhttp://a.test/bad"))));
      for (int i = 0; i < 3; i++) {
        Map.Entry<String, CompletableFuture<FetchResult>> fetch = started.poll(10, TimeUnit.SECONDS);
        assertThat(fetch).isNotNull();
        if (fetch.getKey().endsWith("/bad")) {
          fetch.getValue().completeExceptionally(
              new FetchException(fetch.getKey(), ErrorType.CONNECT, "refused", null));
        } else {
          fetch.getValue().complete(page(fetch.getKey(), "<title>t</title>"));
        }
      }
      assertThat(run.get(10, TimeUnit.SECONDS).urls()).isEqualTo(4);
    } finally {
      reader.shutdownNow();
      pool.shutdown();
    }
    assertThat(handOffs.get()).isEqualTo(4);
    assertThat(storingThreads).hasSize(4).allMatch(name -> name.startsWith("parse-test-"));
  }

  private static void runPipeline(FetchMode mode, int concurrency, List<String> urls, ResultSink sink) {
    try (mode) {
      new Pipeline(mode, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), concurrency)
          .run(new UrlSource(new StringReader(String.join("\n", urls))));
    }
  }

  static FetchResult page(String url, String html) {
    return new FetchResult(url, url, 200, "text/html", Map.of(), html.getBytes(StandardCharsets.UTF_8),
        Instant.now(), 1, 1);
  }
}
