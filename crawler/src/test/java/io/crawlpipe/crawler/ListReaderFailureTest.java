package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.SinkFailureTest.FailingSink;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A list {@code Reader} that throws an unchecked exception, not an {@code IOException}: the URLs
 * read before it still end as one line each, then the crawl rethrows it as it is.
 */
@Timeout(60)
class ListReaderFailureTest {

  /** Serves {@code list}, then throws {@code failure} where the list would end. */
  private static final class BreakingReader extends Reader {
    private final Reader list;
    private final Throwable failure;

    BreakingReader(String list, Throwable failure) {
      this.list = new StringReader(list);
      this.failure = failure;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = list.read(buffer, offset, length);
      if (n >= 0) return n;
      if (failure instanceof Error error) throw error;
      throw (RuntimeException) failure;
    }

    @Override
    public void close() {}
  }

  private static String lines(List<String> urls) {
    return String.join("\n", urls) + "\n";
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theLinesReadBeforeAnUncheckedReaderFailureAreStoredThenItIsRethrown(Mode mode) throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 30; i++) urls.add(site.url("/page/" + i));
      IllegalStateException broken = new IllegalStateException("reader broke");
      ListSink sink = new ListSink();

      Crawler crawler = new Crawler(CrawlConfig.builder().mode(mode).concurrency(4).build());
      assertThatThrownBy(() -> crawler.crawl(new BreakingReader(lines(urls), broken), sink)).isSameAs(broken);

      assertThat(sink.results).extracting(CrawlResult::url).containsExactlyInAnyOrderElementsOf(urls);
      assertThat(sink.results).allMatch(CrawlResult::ok);
    }
  }

  @Test
  void anErrorFromTheReaderIsRethrownAsItIsOnceTheLinesBeforeItAreStored() throws Exception {
    Map<String, CompletableFuture<FetchResult>> fetches = new ConcurrentHashMap<>();
    AsyncFetcher waiting = url -> fetches.computeIfAbsent(url, u -> new CompletableFuture<>());
    // not out of memory: that one ends the run at once (AFatalErrorEndsTheRunAtOnceTest)
    StackOverflowError error = new StackOverflowError();
    ListSink sink = new ListSink();
    UrlSource source = new UrlSource(new BreakingReader("http://a.test/1\nhttp://a.test/2\nhttp://a.test/3\n", error));
    Pipeline pipeline = new Pipeline(waiting, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicInteger storedWhenItEnded = new AtomicInteger(-1);
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        pipeline.run(source);
      } catch (Throwable t) {
        thrown.set(t);
      } finally {
        storedWhenItEnded.set(sink.results.size());
      }
    });

    // the fetches end only once the run waits for them (or has ended without them)
    Conditions.await(() -> (fetches.size() == 3 && runner.getState() == Thread.State.WAITING) || !runner.isAlive());
    fetches.forEach((url, fetch) -> fetch.complete(PipelineTest.page(url, "x")));
    runner.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(thrown.get()).isSameAs(error);
    assertThat(storedWhenItEnded.get()).as("lines stored when the run ended").isEqualTo(3);
    assertThat(source.readFailure()).as("not a read failure").isNull();
  }

  @Test
  void aSinkFailingWhileTheLinesBeforeTheReaderFailureAreStoredIsSuppressedInIt() throws Exception {
    Map<String, CompletableFuture<FetchResult>> fetches = new ConcurrentHashMap<>();
    AsyncFetcher waiting = url -> fetches.computeIfAbsent(url, u -> new CompletableFuture<>());
    StoreException diskFull = new StoreException("disk full", new IOException("ENOSPC"));
    FailingSink sink = new FailingSink(1, () -> diskFull);
    IllegalStateException broken = new IllegalStateException("reader broke");
    Pipeline pipeline = new Pipeline(waiting, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    CompletableFuture<CrawlSummary> run = CompletableFuture.supplyAsync(
        () -> pipeline.run(new UrlSource(new BreakingReader("http://a.test/1\nhttp://a.test/2\n", broken))));

    Conditions.await(() -> fetches.size() == 2);
    fetches.forEach((url, fetch) -> fetch.complete(PipelineTest.page(url, "x")));

    assertThat(run).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause().isSameAs(broken)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(diskFull));
  }
}
