package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.util.concurrent.CompletableFuture;

/**
 * One URL handed to the {@link HostScheduler}, from submission until its future completes: the
 * URL, its host, the attempts made so far. Confined to the scheduler's event loop, except for the
 * future, which the caller holds.
 */
final class FetchTask {
  private final String url;
  private final HostKey host;
  private final CompletableFuture<FetchResult> future = new CompletableFuture<>();
  private int attempts;

  FetchTask(String url, HostKey host) {
    this.url = url;
    this.host = host;
  }

  String url() {
    return url;
  }

  HostKey host() {
    return host;
  }

  CompletableFuture<FetchResult> future() {
    return future;
  }

  int attempts() {
    return attempts;
  }

  /** Counts the attempt about to start. */
  void attemptStarted() {
    attempts++;
  }

  /** Completes with the last response, marked with the attempts made. */
  void succeed(FetchResult result) {
    future.complete(result.withAttempts(attempts));
  }

  /**
   * Completes with the last failure; a {@link FetchException} is marked with the attempts made. A
   * {@code cancelled} one from the mode (the process pool's, at a stop) counts the last attempt
   * only if the mode had sent it on (its own attempts: the workers it went to).
   */
  void fail(Throwable error) {
    if (error instanceof FetchException e && e.type() == ErrorType.CANCELLED) {
      future.completeExceptionally(e.withAttempts(attempts - 1 + Math.min(1, e.attempts())));
      return;
    }
    future.completeExceptionally(error instanceof FetchException e ? e.withAttempts(attempts) : error);
  }

  /** Completes without (another) attempt, for a reason decided by the scheduler. */
  void refuse(ErrorType type, String message) {
    future.completeExceptionally(new FetchException(url, type, message, null, attempts));
  }
}
