package io.crawlpipe.crawler.fetch;

/**
 * A {@link Fetcher} that owns its HTTP client and connections. Thread-safe; whoever opened it
 * closes it at the end of the crawl.
 */
public interface PooledFetcher extends Fetcher, AutoCloseable {

  /** Ends every fetch in flight at once (they fail); used when a stopped crawl stops waiting. */
  void cancelAll();

  /** Closes idle connections and stops the client's threads. */
  @Override
  void close();
}
