package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The in-process half shared by the thread-based modes. */
final class Fetches {
  private Fetches() {}

  /**
   * Runs {@code fetcher.fetch(url, sent)} on {@code executor}, a checked failure becoming the
   * future's cause; {@code sent} runs on the fetching thread as the fetcher tells it.
   */
  static CompletableFuture<FetchResult> supplyAsync(Fetcher fetcher, String url, Runnable sent, ExecutorService executor) {
    Objects.requireNonNull(sent, "sent");
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fetcher.fetch(url, sent);
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
