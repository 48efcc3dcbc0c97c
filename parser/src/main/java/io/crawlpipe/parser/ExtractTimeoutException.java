package io.crawlpipe.parser;

import java.time.Duration;
import java.util.Objects;

/**
 * An extractor ran past its time bound on one page (a regular expression backtracking
 * catastrophically on hostile input, typically). Carries the page URL and the bound; the crawl
 * records it as {@code extract_timeout}, keeps the fetch facts and carries on.
 */
public class ExtractTimeoutException extends ExtractionException {
  private final Duration limit;

  public ExtractTimeoutException(String url, String message, Duration limit) {
    super(url, message, null);
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /** The time bound that was exceeded. */
  public Duration limit() {
    return limit;
  }
}
