package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process half shared by the thread-based modes. Stateless. */
final class Fetches {
  /**
   * How long closing a mode waits for fetches still running: as long as {@code processes} mode
   * waits for a worker that does not exit when told (docs/UNATTENDED.md counts it in a stop).
   */
  static final Duration STUCK_FETCH_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(Fetches.class);

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

  /**
   * Shuts the executor down and waits up to {@link #STUCK_FETCH_WAIT} for fetches still running:
   * when the crawl is over, each has its deadline, and after a stop the crawl has cancelled them
   * all, so one still running then does not end when cancelled. It is interrupted and left
   * behind, with a warning, rather than holding the run up to its {@code --timeout} or for ever.
   * An interrupt of the calling thread ends the wait at once, its status kept.
   */
  static void shutdown(ExecutorService executor) {
    executor.shutdown();
    try {
      if (executor.awaitTermination(STUCK_FETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) return;
      log.warn("fetches still running {} s after the crawl ended (cancelled, they did not end) were interrupted and left behind",
          STUCK_FETCH_WAIT.toSeconds());
      executor.shutdownNow();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
