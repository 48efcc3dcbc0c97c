package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A run's stop as {@link InFlight} keeps it: why it stopped, when ({@link System#nanoTime}), and
 * when its grace ends; and the {@code cancelled} lines of the URLs it leaves unfinished, which name
 * {@code reason}. Immutable, so thread-safe; {@code reason} is never null.
 */
record RunStop(String reason, long stoppedAt, long graceEnds) {
  RunStop {
    Objects.requireNonNull(reason, "reason");
    if (graceEnds - stoppedAt < 0) {
      throw new IllegalArgumentException("graceEnds " + graceEnds + " is before stoppedAt " + stoppedAt);
    }
  }

  /** A stop for {@code reason} at {@code now} whose grace lasts {@code grace} (not negative). */
  static RunStop at(String reason, long now, Duration grace) {
    return new RunStop(reason, now, now + grace.toNanos());
  }

  /**
   * This stop after a later one at {@code now} with {@code grace}: the later stop may shorten the
   * grace, never lengthen it, and the first stop's reason and time are kept.
   */
  RunStop laterStop(long now, Duration grace) {
    long ends = now + grace.toNanos();
    return ends - graceEnds < 0 ? new RunStop(reason, stoppedAt, ends) : this;
  }

  /** Nanoseconds of grace left at {@code now}: zero or less once it has run out. */
  long graceLeft(long now) {
    return graceEnds - now;
  }

  /**
   * The line of {@code url}, read at {@code readAt}, whose request may have been running: {@code
   * elapsed_ms} is the time since it was read, the message "run stopped (REASON) before this URL
   * finished".
   */
  CrawlResult cancelled(String url, Instant readAt, Instant now) {
    return CrawlResult.failure(url, readAt, Math.max(0, Duration.between(readAt, now).toMillis()), 0,
        new ResultError(ErrorType.CANCELLED, "run stopped (" + reason + ") before this URL finished"));
  }

  /**
   * The line of {@code url}, read at {@code readAt} and never fetched: 0 ms, and "run stopped
   * (REASON) before this URL was fetched", as the host scheduler says of a URL it cancels unstarted.
   */
  CrawlResult neverFetched(String url, Instant readAt) {
    return CrawlResult.failure(url, readAt, 0, 0,
        new ResultError(ErrorType.CANCELLED, "run stopped (" + reason + ") before this URL was fetched"));
  }
}
