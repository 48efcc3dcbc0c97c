package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides whether an attempt's outcome is worth another try and how long to wait first.
 *
 * <p>Transient: connect errors, timeouts, other transport failures ({@code io}: resets, malformed
 * responses) and HTTP 429, 502, 503, 504. Everything else — any other status, {@code dns},
 * {@code tls}, {@code too_large}, {@code too_many_redirects}, bugs — is final. The wait is the
 * server's {@code Retry-After} (seconds or an HTTP date in any of {@link HttpDates}' forms) when it sent one, else exponential backoff
 * with "equal jitter" (a random point in the upper half of {@code backoff * 2^(n-1)}); either is
 * capped at {@code maxWait}.
 *
 * <p>Not thread-safe (the random generator): used on the scheduler's event loop only.
 */
final class RetryPolicy {
  private static final Set<ErrorType> TRANSIENT_ERRORS = Set.of(ErrorType.CONNECT, ErrorType.TIMEOUT, ErrorType.IO);
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

  private final RetrySettings settings;
  private final Clock wallClock;
  private final RandomGenerator random;

  /** {@code wallClock} dates a {@code Retry-After} given as an HTTP date; {@code random} draws the jitter. */
  RetryPolicy(RetrySettings settings, Clock wallClock, RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** How long to wait before the next attempt, chosen by the server or by backoff. */
  record Wait(Duration duration, boolean serverAsked) {}

  /**
   * The wait before attempt {@code attemptsMade + 1}, or null when the outcome is final or the
   * retries are used up. Exactly one of {@code result} and {@code error} is non-null.
   */
  Wait nextWait(int attemptsMade, FetchResult result, Throwable error) {
    if (attemptsMade > settings.retries() || !isTransient(result, error)) return null;
    Duration retryAfter = result == null ? null : retryAfter(result.headers().get("retry-after"));
    if (retryAfter != null) return new Wait(cap(retryAfter), true);
    return new Wait(backoff(attemptsMade), false);
  }

  /**
   * How long the server asked its host to be left alone: the {@code Retry-After} of a 429, 502, 503
   * or 504 (capped at {@code maxWait}), whether or not a retry follows; null when there is none.
   */
  Duration hostPause(FetchResult result) {
    if (result == null || !TRANSIENT_STATUSES.contains(result.status())) return null;
    Duration retryAfter = retryAfter(result.headers().get("retry-after"));
    return retryAfter == null ? null : cap(retryAfter);
  }

  /** True for the outcomes listed in the class comment as transient. */
  static boolean isTransient(FetchResult result, Throwable error) {
    if (result != null) return TRANSIENT_STATUSES.contains(result.status());
    return error instanceof FetchException e && TRANSIENT_ERRORS.contains(e.type());
  }

  private Duration backoff(int attemptsMade) {
    long base = settings.backoff().toMillis();
    int doublings = Math.min(attemptsMade - 1, 30);
    long full = Math.min(settings.maxWait().toMillis(), base << doublings);
    long half = full / 2;
    return Duration.ofMillis(full - half + random.nextLong(half + 1));
  }

  private Duration cap(Duration wait) {
    return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
  }

  /**
   * A {@code Retry-After} value as a wait from now, or null when absent or unreadable. Seconds are
   * ASCII digits only (Arabic-Indic or fullwidth digits, say, make it unreadable), read
   * with any leading zeros ({@code 0000000003} is 3 s); more than nine digits after them are
   * more than any wait, so {@code maxWait}.
   */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {  // ASCII only: delay-seconds is 1*DIGIT
      String seconds = v.replaceFirst("^0+", "");
      if (seconds.isEmpty()) return Duration.ZERO;
      return seconds.length() > 9 ? settings.maxWait() : Duration.ofSeconds(Long.parseLong(seconds));
    }
    Instant now = wallClock.instant();
    Instant date = HttpDates.parse(v, now);
    if (date == null) return null;
    Duration until = Duration.between(now, date);
    return until.isNegative() ? Duration.ZERO : until;
  }
}
