package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The in-process half shared by the thread-based modes. */
final class Fetches {
  private Fetches() {}

  /** Runs {@code fetcher.fetch(url)} on {@code executor}, a checked failure becoming the future's cause. */
  static CompletableFuture<FetchResult> supplyAsync(Fetcher fetcher, String url, ExecutorService executor) {
    return supplyAsync(fetcher, url, null, executor);
  }

  /** As {@link #supplyAsync(Fetcher, String, ExecutorService)}, telling {@code sent} (if not null) as the fetcher does. */
  static CompletableFuture<FetchResult> supplyAsync(Fetcher fetcher, String url, Runnable sent, ExecutorService executor) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return sent == null ? fetcher.fetch(url) : fetcher.fetch(url, sent);
      } catch (FetchException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  /** Shuts the executor down and waits for running fetches (each is bounded by its deadline). */
  static void shutdown(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) executor.shutdownNow();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
