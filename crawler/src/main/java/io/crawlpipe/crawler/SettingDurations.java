package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.FetchSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The bound on every duration a crawl's settings take ({@link CrawlControl}'s grace, {@link
 * io.crawlpipe.crawler.polite.PolitenessSettings}, {@link io.crawlpipe.crawler.polite.RetrySettings},
 * {@link io.crawlpipe.crawler.polite.BreakerSettings}, {@link
 * io.crawlpipe.crawler.process.ProcessPoolSettings}): at most {@link #MAX}, 366 days, the command
 * line's longest duration and {@link FetchSettings#MAX_TIMEOUT}. A longer one would overflow the
 * deadlines computed from it in nanoseconds, failing the crawl late and obscurely (or, in processes
 * mode, keeping it from ever returning) instead of where the setting is made. Stateless.
 */
public final class SettingDurations {
  /** The longest duration a setting takes: 366 days. */
  public static final Duration MAX = FetchSettings.MAX_TIMEOUT;

  private SettingDurations() {}

  /**
   * Returns {@code value} when it is at most {@link #MAX}.
   *
   * @throws NullPointerException naming {@code setting} when {@code value} is null
   * @throws IllegalArgumentException naming {@code setting} and the value when it is longer
   */
  public static Duration atMostMax(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(setting + " must be at most 366 days, was " + value);
    }
    return value;
  }
}
