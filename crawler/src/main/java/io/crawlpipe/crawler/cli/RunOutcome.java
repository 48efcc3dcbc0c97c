package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlSummary;
import java.util.Objects;

/**
 * How the crawl part of a run ended. {@code summary} is null when the results could not be written
 * ({@code ioError} then says why); {@code stoppedBy} is null unless a signal or the deadline stopped
 * the run.
 */
record RunOutcome(CrawlSummary summary, RunStats stats, long duplicates, StopCause stoppedBy, String ioError) {
  RunOutcome {
    Objects.requireNonNull(stats, "stats");
    if ((summary == null) == (ioError == null)) {
      throw new IllegalArgumentException("exactly one of summary and ioError must be set, was " + summary + ", " + ioError);
    }
  }
}
