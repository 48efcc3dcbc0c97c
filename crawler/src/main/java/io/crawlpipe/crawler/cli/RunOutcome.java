package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlStats;
import io.crawlpipe.crawler.CrawlSummary;
import java.util.Objects;

/**
 * How the crawl part of a run ended. {@code summary} is null when the results could not be written
 * ({@code ioError} then says why); {@code stoppedBy} is null unless a signal or the deadline stopped
 * the run; {@code listError} is null unless the URL list could not be read to its end (the lines
 * before the failure were crawled). {@code stats} is the counter the crawl counted into, which the
 * summary was built from.
 */
record RunOutcome(CrawlSummary summary, CrawlStats stats, long duplicates, StopCause stoppedBy, String ioError,
    String listError) {
  RunOutcome {
    Objects.requireNonNull(stats, "stats");
    if ((summary == null) == (ioError == null)) {
      throw new IllegalArgumentException("exactly one of summary and ioError must be set, was " + summary + ", " + ioError);
    }
  }
}
