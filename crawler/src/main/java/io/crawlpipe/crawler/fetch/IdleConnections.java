package io.crawlpipe.crawler.fetch;

/**
 * How many idle keep-alive connections a client keeps for reuse, both clients alike: four for each
 * request a crawl may have in flight, as curl sizes its connection cache (four per transfer),
 * and at least 5. Sized for the concurrency alone, a crawl whose list takes many hosts in turn
 * closed each connection before its host's next URL came (250 hosts at {@code -c 64}: every page
 * on a new connection, about a third more wall time; docs/PERFORMANCE.md); an idle connection
 * costs a socket and an 8 KiB buffer. Stateless.
 */
final class IdleConnections {
  private IdleConnections() {}

  /** The most idle connections kept by a client of {@code concurrency} requests in flight. */
  static int max(int concurrency) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(5, 4L * concurrency));
  }
}
