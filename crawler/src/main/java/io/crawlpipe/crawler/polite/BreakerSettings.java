package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.SettingDurations;
import java.time.Duration;
import java.util.Objects;

/**
 * When a host's circuit breaker opens: after {@code failures} consecutive failed attempts
 * (connect errors, timeouts, connection resets, 5xx) the host's URLs fail fast with
 * {@code circuit_open} for {@code cooldown}; then one trial request decides whether it closes
 * again. {@code failures = 0} disables the breaker. The cooldown is at most {@link
 * SettingDurations#MAX} (366 days).
 */
public record BreakerSettings(int failures, Duration cooldown) {
  public static final int DEFAULT_FAILURES = 5;
  /**
   * The most failures a breaker may count: its window keeps one entry per failure, for every host
   * the crawl keeps (up to 10,000 idle ones), so a window of millions ran the crawl out of heap.
   */
  public static final int MAX_FAILURES = 100;
  public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);
  public static final BreakerSettings DEFAULTS = new BreakerSettings(DEFAULT_FAILURES, DEFAULT_COOLDOWN);

  public BreakerSettings {
    Objects.requireNonNull(cooldown, "cooldown");
    if (failures < 0 || failures > MAX_FAILURES) {
      throw new IllegalArgumentException("breaker failures must be 0.." + MAX_FAILURES + ", was " + failures);
    }
    if (cooldown.isNegative() || cooldown.isZero()) {
      throw new IllegalArgumentException("breaker cooldown must be > 0, was " + cooldown);
    }
    SettingDurations.atMostMax("breaker cooldown", cooldown);
  }

  /** False when the breaker is switched off ({@code failures = 0}). */
  public boolean enabled() {
    return failures > 0;
  }
}
