package io.crawlpipe.crawler;

import java.util.Objects;

/**
 * A host and how many of a crawl's failed URLs it had (see {@link CrawlStats#topErrorHosts}).
 *
 * @param host the host name as in the URL, lower case; never null
 * @param errors failed URLs counted for it, at least 1
 */
public record HostErrors(String host, long errors) {
  public HostErrors {
    Objects.requireNonNull(host, "host");
    if (errors < 1) throw new IllegalArgumentException("errors must be >= 1, was " + errors);
  }
}
