package io.crawlpipe.crawler;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The totals of a finished crawl: distinct URLs processed, how many ended ok, failures counted by
 * kind (an {@code error.type}, or {@code http_4xx}/{@code http_5xx}/... for non-2xx statuses),
 * duplicate lines skipped, decoded bytes read and the crawl's span. A crawl builds it from the
 * {@link CrawlStats} that counted it, at its end (see there for the span).
 */
public record CrawlSummary(long urls, long ok, Map<String, Long> failures, long duplicates,
    long bytes, Duration elapsed) {

  public CrawlSummary {
    Objects.requireNonNull(elapsed, "elapsed");
    failures = Map.copyOf(failures);
  }

  /** URLs that did not end ok. */
  public long failed() {
    return urls - ok;
  }

  /**
   * URLs finished per second of {@code elapsed}: the crawl's span, from the start of reading the
   * list to the last line stored (see {@link CrawlStats}).
   */
  public double pagesPerSecond() {
    return perSecond(urls, elapsed);
  }

  /** {@code count} over {@code elapsed} in seconds, 0 when no time has passed: the one rate formula. */
  static double perSecond(long count, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : count / seconds;
  }

  /** The one-line summary printed at the end of a run. */
  public String toLine() {
    StringBuilder line = new StringBuilder();
    line.append(urls).append(urls == 1 ? " URL, " : " URLs, ").append(ok).append(" ok, ")
        .append(failed()).append(" failed");
    if (!failures.isEmpty()) {
      StringBuilder kinds = new StringBuilder();
      new TreeMap<>(failures).forEach((kind, n) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(kind).append(' ').append(n));
      line.append(" (").append(kinds).append(')');
    }
    if (duplicates > 0) {
      line.append(", ").append(duplicates).append(duplicates == 1 ? " duplicate line" : " duplicate lines").append(" skipped");
    }
    line.append(String.format(java.util.Locale.ROOT, "; %.1f s, %.1f pages/s",
        elapsed.toMillis() / 1000.0, pagesPerSecond()));
    return line.toString();
  }
}
