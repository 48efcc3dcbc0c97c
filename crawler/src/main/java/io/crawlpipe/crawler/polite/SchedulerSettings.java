package io.crawlpipe.crawler.polite;

import java.util.Objects;

/**
 * Everything the {@link HostScheduler} is configured with; validated by its parts. {@code
 * maxRedirects}: the redirects it follows per URL (the mode must follow none, see {@link
 * RedirectHops}). Immutable.
 */
public record SchedulerSettings(int concurrency, PolitenessSettings politeness, RetrySettings retry,
    BreakerSettings breaker, String userAgent, int maxRedirects) {
  /** Redirects followed per URL when none is said: as {@code --max-redirects}'s default. */
  public static final int DEFAULT_MAX_REDIRECTS = 10;

  public SchedulerSettings {
    Objects.requireNonNull(politeness, "politeness");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(userAgent, "userAgent");
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
  }

  /** Settings following up to {@link #DEFAULT_MAX_REDIRECTS} redirects. */
  public SchedulerSettings(int concurrency, PolitenessSettings politeness, RetrySettings retry, BreakerSettings breaker,
      String userAgent) {
    this(concurrency, politeness, retry, breaker, userAgent, DEFAULT_MAX_REDIRECTS);
  }
}
