package io.crawlpipe.crawler.fetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Starts fetching a URL and completes later: the fetch stage as the pipeline sees it. Implemented
 * by every {@link io.crawlpipe.crawler.mode.FetchMode} (one attempt, no politeness) and by
 * {@link io.crawlpipe.crawler.polite.HostScheduler} (per-host queues, robots.txt, retries).
 *
 * <p>Implementations are thread-safe and return at once. The future completes with the response,
 * or exceptionally with a {@link FetchException} (possibly wrapped in a
 * {@link java.util.concurrent.CompletionException}). A response's {@link FetchResult#url()} is the
 * URL asked for (where redirects led goes in {@link FetchResult#finalUrl()}); the {@link
 * io.crawlpipe.crawler.Pipeline} does not rely on it: it stores each answer as the line of the URL
 * it asked for, under that URL, whatever URL the result names.
 */
@FunctionalInterface
public interface AsyncFetcher {

  /** Starts fetching {@code url}, an absolute http(s) URL, and returns at once. */
  CompletableFuture<FetchResult> fetch(String url);

  /**
   * As {@link #fetch(String)}, and runs {@code sent} when the request is about to be written
   * (once its connection is open; see {@link Fetcher#fetch(String, Runnable)}), on any thread: the
   * moment a host's {@code --delay} is timed from. It runs at most once per time the URL is
   * handed to a fetching thread (in {@code processes} mode, again if the URL is sent again after
   * its worker died; see {@link #fetch(String, Runnable, SendGate)}), and not at all if the fetch
   * ends before it starts (a cancelled attempt). The default runs it at once: right for a fetcher
   * that starts every fetch when asked. The {@link io.crawlpipe.crawler.polite.HostScheduler}, which
   * hands a URL's requests to its mode later, runs it once, when it hands over the first.
   * {@code sent} must not throw.
   */
  default CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
    sent.run();
    return fetch(url);
  }

  /**
   * As {@link #fetch(String, Runnable)}; a mode that writes the URL's request again because the
   * process fetching it was lost ({@code processes} mode, a worker that died) asks {@code gate}
   * before each such re-send and writes it only once the gate lets it, which also reports it {@code
   * sent} again. The default ignores the gate: right for a mode that never sends a URL twice.
   */
  default CompletableFuture<FetchResult> fetch(String url, Runnable sent, SendGate gate) {
    return fetch(url, sent);
  }

  /**
   * A graceful stop has begun ({@code reason}: {@code SIGTERM}, {@code --max-time 1h}, ...): from
   * now on a URL whose fetch has not started fails at once with a {@code cancelled} {@link
   * FetchException} instead of starting; attempts already running go on. Returns at once;
   * idempotent. Nothing by default: a plain mode starts every fetch as soon as it is asked.
   */
  default void stopStarting(String reason) {}

  /**
   * As {@link #stopStarting}, and tells when it has taken effect: the future returned completes
   * (normally, never exceptionally) once every URL the stop fails at once has its future failed
   * {@code cancelled}, so that a caller who then finds a URL unanswered knows that its request was
   * running. The default calls {@code stopStarting} and returns a completed future: right for a
   * fetcher that fails those futures before {@code stopStarting} returns, or has none. The {@link
   * io.crawlpipe.crawler.polite.HostScheduler}, which cancels on its event loop, completes it there,
   * once it has. Returns at once; idempotent (each call's future completes).
   */
  default CompletableFuture<Void> stopStartingSettled(String reason) {
    stopStarting(reason);
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The failure a failed future of this interface stands for: {@code error} without the {@link
   * CompletionException} and {@link ExecutionException} wrappers the future's stages add; null
   * for null.
   */
  static Throwable cause(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
