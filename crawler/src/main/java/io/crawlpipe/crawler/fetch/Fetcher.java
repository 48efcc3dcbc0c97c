package io.crawlpipe.crawler.fetch;

/**
 * The fetch stage: downloads one URL. A response with any status is a result, not an exception;
 * only transport failures throw. Implementations are safe to call from many threads at once and
 * block the calling thread (which is why modes run them on their own executors).
 */
@FunctionalInterface
public interface Fetcher {

  /**
   * Fetches {@code url}, an absolute http(s) URL already checked by {@code UrlValidator}.
   *
   * @throws FetchException when no response could be read; it names the URL and the error type.
   */
  FetchResult fetch(String url) throws FetchException;
}
