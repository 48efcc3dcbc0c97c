package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.SettingDurations;
import java.time.Duration;
import java.util.Objects;

/**
 * How transient failures are retried: up to {@code retries} more attempts (0 disables), waiting
 * {@code backoff} before the first retry and doubling it for each further one (with jitter), never
 * waiting longer than {@code maxWait} — which also caps a server's {@code Retry-After}. Both are at
 * most {@link SettingDurations#MAX} (366 days).
 */
public record RetrySettings(int retries, Duration backoff, Duration maxWait) {
  public static final int DEFAULT_RETRIES = 2;
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);
  public static final RetrySettings DEFAULTS = new RetrySettings(DEFAULT_RETRIES, DEFAULT_BACKOFF, DEFAULT_MAX_WAIT);

  public RetrySettings {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxWait, "maxWait");
    if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, was " + retries);
    if (backoff.isNegative()) throw new IllegalArgumentException("backoff must be >= 0, was " + backoff);
    SettingDurations.atMostMax("backoff", backoff);
    SettingDurations.atMostMax("maxWait", maxWait);
    if (maxWait.compareTo(backoff) < 0) {
      throw new IllegalArgumentException("maxWait must be >= backoff (" + backoff + "), was " + maxWait);
    }
  }
}
