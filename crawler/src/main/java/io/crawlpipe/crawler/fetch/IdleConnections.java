package io.crawlpipe.crawler.fetch;

/**
 * How many idle keep-alive connections a client keeps for reuse, both clients alike: four for each
 * request a crawl may have in flight, as curl sizes its connection cache (four per transfer), but
 * never more than 2,000 beyond the concurrency, and at least 5 ({@code -c 1}: 5, {@code -c 64}:
 * 256, {@code -c 1000}: 3,000). Sized for the concurrency alone, a crawl whose list takes many
 * hosts in turn closed each connection before its host's next URL came (250 hosts at {@code -c
 * 64}: every page on a new connection, about a third more wall time; docs/PERFORMANCE.md); an idle
 * connection costs a socket (a file descriptor) and an 8 KiB buffer, so a crawl of many hosts may
 * hold up to the concurrency plus this many sockets. In {@code processes} mode the parent sizes it
 * for the whole run's concurrency and every worker keeps that many ({@link
 * FetchClient#openKeepingIdle}): the parent spreads URLs without regard to their host, so every
 * worker may see every host. Stateless.
 */
public final class IdleConnections {
  /** The most idle connections kept beyond the concurrency. */
  private static final long BEYOND_CONCURRENCY = 2_000;

  private IdleConnections() {}

  /** The most idle connections kept by a client of {@code concurrency} requests in flight: at least 5. */
  public static int max(int concurrency) {
    long idle = Math.min(4L * concurrency, concurrency + BEYOND_CONCURRENCY);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(5, idle));
  }

  /** {@code idleConnections} if it is at least 1; IllegalArgumentException naming it otherwise. */
  static int checked(int idleConnections) {
    if (idleConnections < 1) {
      throw new IllegalArgumentException("idle connections must be at least 1, was " + idleConnections);
    }
    return idleConnections;
  }
}
