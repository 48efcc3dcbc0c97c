package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.CrawlResult;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parse step: an admitted URL's line made from its fetch's answer, whatever happened (see
 * {@link #lineFor}), so that no URL is left without a line: one would hold its slot and the run
 * would never end. The line answers the URL asked, even if the fetcher's result names another.
 *
 * <p>Thread-safe as its parser is.
 */
final class AnswerLines {
  private final ParseStage parser;

  /** @throws NullPointerException when {@code parser} is null */
  AnswerLines(PageParser parser) {
    this.parser = new ParseStage(parser);
  }

  /**
   * The line of {@code url}, the URL asked, from its fetch's outcome as {@code fetched} (completed)
   * gives it, {@code page} or else {@code error}: the parsed page, or the fetch's failure, or a
   * failure made of whatever parsing threw, an {@code Error} included (an {@code OutOfMemoryError}
   * on a huge page, a {@code StackOverflowError} on a deeply nested one) and a checked exception
   * thrown sneakily (Kotlin, Groovy, Lombok's {@code @SneakyThrows}), with {@code startedAt} and
   * the time since {@code t0} ({@link System#nanoTime}) when the failure has no times of its own.
   * Never null.
   */
  CrawlResult lineFor(String url, FetchResult page, Throwable error, CompletableFuture<FetchResult> fetched,
      Instant startedAt, long t0) {
    try {
      return error == null ? parsed(answering(url, page), fetched)
          : Results.failure(url, startedAt, elapsedMs(t0), 0, error, InternalFailures.CRAWL_HINT);
    } catch (Throwable e) { // one URL's failure, whatever it is: never the run's
      return Results.failure(url, startedAt, elapsedMs(t0), 0, e, InternalFailures.CRAWL_HINT);
    }
  }

  /**
   * The parsed page's line, or its failure line, with the fetch's facts, whatever parsing threw
   * ({@link ParseStage#lineFor}). Then the page is dropped from its fetch future. That future was made
   * when the URL was read, and one that waited in a host queue through a young collection lives in
   * the old generation: a body it still referenced would be copied and promoted by every young
   * collection until a full one (measured: the heap grew to 550 MB over 20,000 pages of 30 KB,
   * young pauses doubled). Nothing reads the future's value after this stage.
   */
  private CrawlResult parsed(FetchResult page, CompletableFuture<FetchResult> fetched) {
    try {
      return parser.lineFor(page);
    } finally {
      fetched.obtrudeValue(null);
    }
  }

  /**
   * {@code page} as the answer to {@code url}: as it is when it names {@code url} (as it should, see
   * {@link AsyncFetcher#fetch(String)}), else with {@code url} as its URL, its final URL and facts
   * kept. Null for null.
   */
  private static FetchResult answering(String url, FetchResult page) {
    if (page == null || page.url().equals(url)) return page;
    return page.answering(url, page.fetchedAt(), page.elapsedMs(), page.attempts());
  }

  private static long elapsedMs(long t0) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }
}
