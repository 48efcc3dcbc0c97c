package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.concurrent.CompletableFuture;

/**
 * Where fetches run: the {@code supplyAsync(fetch, fetchExecutor)} half of the pipeline. Each
 * implementation is one of the {@link Mode}s. The pipeline bounds how many fetches are in flight;
 * a mode only decides on which threads (or processes) they run.
 *
 * <p>Thread-safe. The returned future completes with the response, or exceptionally with a
 * {@link io.crawlpipe.crawler.fetch.FetchException} (possibly wrapped in a
 * {@link java.util.concurrent.CompletionException}).
 */
public interface FetchMode extends AutoCloseable {

  /** Starts fetching {@code url} and returns at once. */
  CompletableFuture<FetchResult> fetch(String url);

  /** Stops accepting work and releases threads or processes; waits for running fetches to end. */
  @Override
  void close();
}
