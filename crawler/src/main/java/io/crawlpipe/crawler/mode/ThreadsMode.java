package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code --mode threads}: a fixed pool of platform threads, like Python's {@code ThreadPool(n)}. */
public final class ThreadsMode implements FetchMode {
  private final Fetcher fetcher;
  private final ExecutorService pool;

  public ThreadsMode(Fetcher fetcher, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("fetch-", 1).daemon().factory());
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url) {
    return fetch(url, () -> {});
  }

  /** {@code sent} runs on the fetching thread once the request is written (see {@link Fetcher#fetch(String, Runnable)}). */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
    return Fetches.supplyAsync(fetcher, url, sent, pool);
  }

  @Override
  public void close() {
    Fetches.shutdown(pool);
  }
}
