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

  /**
   * As {@link #fetch(String)}, and runs {@code sent} on the fetching thread just before a request
   * is written, once any connect is done: the moment a host's {@code --delay} is timed from. It
   * runs again for each request written (a redirect's hop, a request sent again on a new
   * connection), and not at all if none is. The default runs it first: right for a fetcher that
   * writes its request at once. {@code sent} must not throw.
   */
  default FetchResult fetch(String url, Runnable sent) throws FetchException {
    sent.run();
    return fetch(url);
  }
}
