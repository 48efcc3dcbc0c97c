package io.crawlpipe.crawler.fetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs a fetch on another thread, for tests that wait on it with a timeout. Stateless. */
final class AsyncFetch {
  private AsyncFetch() {}

  /** {@code fetcher.fetch(url)} on the common pool, a FetchException failing the future. */
  static CompletableFuture<FetchResult> of(Fetcher fetcher, String url) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fetcher.fetch(url);
      } catch (FetchException e) {
        throw new CompletionException(e);
      }
    });
  }
}
