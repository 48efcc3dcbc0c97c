package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Fetcher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code --mode virtual} (alias {@code coroutines}): a new virtual thread per URL, the JVM's answer
 * to gevent. Blocking I/O parks the virtual thread, not a carrier, so thousands can wait at once.
 */
public final class VirtualThreadsMode implements FetchMode {
  private final Fetcher fetcher;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fetch-", 1).factory());

  public VirtualThreadsMode(Fetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url) {
    return fetch(url, () -> {});
  }

  /** {@code sent} runs on the fetching thread once the request is written (see {@link Fetcher#fetch(String, Runnable)}). */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
    return Fetches.supplyAsync(fetcher, url, sent, executor);
  }

  @Override
  public void close() {
    Fetches.shutdown(executor);
  }
}
