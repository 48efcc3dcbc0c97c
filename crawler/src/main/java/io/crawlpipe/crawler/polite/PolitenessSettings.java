package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.SettingDurations;
import java.time.Duration;
import java.util.Objects;

/**
 * How gently each host is treated: at most {@code perHost} requests in flight to one host
 * (scheme, host and port), at least {@code delay} between the starts of two requests to it
 * (robots.txt {@code Crawl-delay} may raise it), and whether robots.txt is obeyed. The delay is at
 * most {@link SettingDurations#MAX} (366 days).
 */
public record PolitenessSettings(int perHost, Duration delay, boolean obeyRobots) {
  public static final int DEFAULT_PER_HOST = 4;
  /** Robots.txt, the host and the list all agree on this unless told otherwise. */
  public static final PolitenessSettings DEFAULTS = new PolitenessSettings(DEFAULT_PER_HOST, Duration.ZERO, true);

  public PolitenessSettings {
    Objects.requireNonNull(delay, "delay");
    if (perHost < 1) throw new IllegalArgumentException("perHost must be >= 1, was " + perHost);
    if (delay.isNegative()) throw new IllegalArgumentException("delay must be >= 0, was " + delay);
    SettingDurations.atMostMax("delay", delay);
  }
}
