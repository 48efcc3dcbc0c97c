package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;

import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options for how a crawl treats each host: retries, the per-host limit and delay, robots.txt
 * and the circuit breaker. Declared to {@link CrawlCommand}'s picocli spec by {@link #declare};
 * {@link #politeness()}, {@link #retry()} and {@link #breaker()} turn them into the immutable
 * settings records. Used once, by one thread.
 */
final class PolitenessOptions {
  int retries = RetrySettings.DEFAULT_RETRIES;
  /** {@code --retry-backoff}, or null when not given: see {@link #backoff()}. */
  Duration retryBackoff;
  /** {@code --max-retry-wait}, or null when not given: see {@link #maxWait()}. */
  Duration maxRetryWait;
  int perHost = PolitenessSettings.DEFAULT_PER_HOST;
  Duration delay = Duration.ZERO;
  boolean ignoreRobots;
  int breakerFailures = BreakerSettings.DEFAULT_FAILURES;
  Duration breakerCooldown = BreakerSettings.DEFAULT_COOLDOWN;

  /** Adds these options to {@code spec}, bound to this object's fields. */
  void declare(CommandSpec spec) {
    add(spec, option(int.class, () -> retries, v -> retries = v, "--retries").converters(WholeNumbers.atLeast(0))
        .paramLabel("N")
        .description("Retries of a transient failure (connect, timeout, io, 429, 502, 503, 504); 0 disables."
            + " Default: ${DEFAULT-VALUE}."));
    add(spec, option(Duration.class, () -> retryBackoff, v -> retryBackoff = v, "--retry-backoff")
        .converters(new Durations()).paramLabel("DURATION")
        .description("Wait before the first retry, doubled for each further one, with jitter."
            + " Default: 1s, or --max-retry-wait if that is shorter."));
    add(spec, option(Duration.class, () -> maxRetryWait, v -> maxRetryWait = v, "--max-retry-wait")
        .converters(new Durations()).paramLabel("DURATION")
        .description("Longest wait before a retry, also capping a server's Retry-After."
            + " Default: 30s, or --retry-backoff if that is longer."));
    add(spec, option(int.class, () -> perHost, v -> perHost = v, "--per-host").converters(WholeNumbers.atLeast(1))
        .paramLabel("N")
        .description("Requests in flight per host at most. Default: ${DEFAULT-VALUE}."));
    add(spec, option(Duration.class, () -> delay, v -> delay = v, "--delay").converters(new Durations())
        .paramLabel("DURATION")
        .description("Least time between request starts to the same host (robots.txt Crawl-delay may raise it). Default: 0."));
    add(spec, option(boolean.class, () -> ignoreRobots, v -> ignoreRobots = v, "--ignore-robots")
        .description("Do not fetch or obey robots.txt."));
    add(spec, option(int.class, () -> breakerFailures, v -> breakerFailures = v, "--breaker-failures")
        .converters(WholeNumbers.intIn(0, BreakerSettings.MAX_FAILURES))
        .paramLabel("N")
        .description("Consecutive failures (connect, timeout, io, 5xx) that open a host's circuit; 0 disables;"
            + " at most " + BreakerSettings.MAX_FAILURES + ". Default: ${DEFAULT-VALUE}."));
    add(spec, option(Duration.class, () -> breakerCooldown, v -> breakerCooldown = v, "--breaker-cooldown")
        .converters(new Durations()).paramLabel("DURATION")
        .description("How long an open circuit fails its host's URLs fast before one trial request. Default: 30s."));
  }

  /** @throws IllegalArgumentException naming a bad value */
  PolitenessSettings politeness() {
    return new PolitenessSettings(perHost, delay, !ignoreRobots);
  }

  /**
   * The wait before the first retry: {@code --retry-backoff}; not given, its default, or {@code
   * --max-retry-wait} when that is shorter (a cap the user set is not refused for a default).
   */
  Duration backoff() {
    if (retryBackoff != null) return retryBackoff;
    Duration fallback = RetrySettings.DEFAULT_BACKOFF;
    return maxRetryWait != null && maxRetryWait.compareTo(fallback) < 0 ? maxRetryWait : fallback;
  }

  /**
   * The longest wait before a retry: {@code --max-retry-wait}; not given, its default, or {@code
   * --retry-backoff} when that is longer (the default cap does not refuse the backoff the user set).
   * Shorter than {@link #backoff()} only when both were given.
   */
  Duration maxWait() {
    if (maxRetryWait != null) return maxRetryWait;
    Duration fallback = RetrySettings.DEFAULT_MAX_WAIT;
    return retryBackoff != null && retryBackoff.compareTo(fallback) > 0 ? retryBackoff : fallback;
  }

  /** @throws IllegalArgumentException naming a bad value */
  RetrySettings retry() {
    return new RetrySettings(retries, backoff(), maxWait());
  }

  /** @throws IllegalArgumentException naming a bad value */
  BreakerSettings breaker() {
    return new BreakerSettings(breakerFailures, breakerCooldown);
  }
}
