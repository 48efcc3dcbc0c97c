package io.crawlpipe.crawler.polite;

import io.crawlpipe.store.ErrorType;

/**
 * The {@link HostScheduler}'s graceful stop: whether one has begun, its reason, and how a URL that
 * will not start because of it ends ({@code cancelled}, the message naming the reason and what was
 * not fetched). Not thread-safe: confined to the scheduler's event loop.
 */
final class RunStop {
  /** Null until {@link #begin}; then the first reason given, for good. */
  private String reason;

  /** Begins the stop for {@code reason} (not null); false, changing nothing, when it had begun already. */
  boolean begin(String reason) {
    if (this.reason != null) return false;
    this.reason = reason;
    return true;
  }

  /** True once the stop has begun: nothing new starts. */
  boolean begun() {
    return reason != null;
  }

  /**
   * Ends every URL waiting in {@code host}'s queue (retries and hops included), then every one
   * waiting out a retry backoff (its timer finds it gone), as {@link #cancel}. After {@link #begin}.
   */
  void cancelWaiting(HostQueue host) {
    for (FetchTask task; (task = host.poll()) != null; ) cancel(task);
    host.takeBackingOff().forEach(this::cancel);
  }

  /**
   * Ends {@code task}, which will not start (again) because of the stop, as {@code cancelled}:
   * "run stopped (REASON) before this URL was fetched", "... fetched again" after an attempt, or
   * "... before this URL's redirect to U was fetched". After {@link #begin}.
   */
  void cancel(FetchTask task) {
    String what = task.hops() > 0 ? "this URL's redirect to " + task.currentUrl() + " was fetched"
        : task.attempts() > 0 ? "this URL was fetched again" : "this URL was fetched";
    task.refuse(ErrorType.CANCELLED, "run stopped (" + reason + ") before " + what);
  }
}
