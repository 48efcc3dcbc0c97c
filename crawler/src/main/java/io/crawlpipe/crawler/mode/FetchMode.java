package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.concurrent.CompletableFuture;

/**
 * Where fetches run: the {@code supplyAsync(fetch, fetchExecutor)} half of the pipeline. Each
 * implementation is one of the {@link Mode}s. A call is exactly one attempt: retries, per-host
 * limits and the bound on fetches in flight are the {@link io.crawlpipe.crawler.polite.HostScheduler}'s
 * job, above the mode; a mode only decides on which threads (or processes) fetches run.
 *
 * <p>Thread-safe. The returned future completes with the response, or exceptionally with a
 * {@link io.crawlpipe.crawler.fetch.FetchException} (possibly wrapped in a
 * {@link java.util.concurrent.CompletionException}).
 */
public interface FetchMode extends AsyncFetcher, AutoCloseable {

  /** Starts one attempt at fetching {@code url} and returns at once. */
  @Override
  CompletableFuture<FetchResult> fetch(String url);

  /** Stops accepting work and releases threads or processes; waits for running fetches to end. */
  @Override
  void close();
}
