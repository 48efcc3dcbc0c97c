package io.crawlpipe.crawler.fetch;

import java.time.Clock;
import java.util.Locale;

/**
 * Which HTTP client fetches ({@code --client}): {@link #HTTP1}, crawlpipe's own HTTP/1.1 client
 * ({@link Http1Fetcher}), or {@link #OKHTTP} ({@link OkHttpFetcher} over a {@link SharedClient}),
 * which also speaks HTTP/2 over TLS.
 */
public enum FetchClient {
  HTTP1,
  OKHTTP;

  /** The option's value: the lower-case name. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The client named {@code value} in any case; IllegalArgumentException naming the choices otherwise. */
  public static FetchClient parse(String value) {
    for (FetchClient client : values()) {
      if (client.code().equalsIgnoreCase(value.trim())) return client;
    }
    throw new IllegalArgumentException("unknown client '" + value + "' (expected http1 or okhttp)");
  }

  /**
   * A fetcher over a new client of this kind with its pool sized for {@code concurrency} requests
   * in flight ({@link IdleConnections#max}); the caller closes it.
   */
  public PooledFetcher open(FetchSettings settings, int concurrency, Clock clock) {
    return openKeepingIdle(settings, IdleConnections.max(concurrency), clock);
  }

  /**
   * A fetcher over a new client of this kind that keeps up to {@code idleConnections} idle
   * connections, however many requests it is given at once: a worker of {@code processes} mode
   * keeps what the parent sized for the whole run. The caller closes it. IllegalArgumentException
   * if {@code idleConnections} is below 1.
   */
  public PooledFetcher openKeepingIdle(FetchSettings settings, int idleConnections, Clock clock) {
    return switch (this) {
      case HTTP1 -> Http1Fetcher.keepingIdle(settings, idleConnections, clock);
      case OKHTTP -> okhttp(SharedClient.keepingIdle(settings, idleConnections), settings, clock);
    };
  }

  /** An {@link OkHttpFetcher} over {@code client}, which it then owns: closing it shuts the client down. */
  static PooledFetcher okhttp(SharedClient client, FetchSettings settings, Clock clock) {
    OkHttpFetcher fetcher = new OkHttpFetcher(client, settings, clock);
    return new PooledFetcher() {
      @Override
      public FetchResult fetch(String url) throws FetchException {
        return fetcher.fetch(url);
      }

      @Override
      public FetchResult fetch(String url, Runnable sent) throws FetchException {
        return fetcher.fetch(url, sent);
      }

      @Override
      public void cancelAll() {
        client.cancelAll();
      }

      @Override
      public void close() {
        client.shutdown();
      }
    };
  }
}
