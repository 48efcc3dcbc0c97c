package io.crawlpipe.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds the one {@link OkHttpClient} a crawl shares, sized for its concurrency. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A client with a connection pool that can keep one idle connection per concurrent request,
   * redirects left to {@link OkHttpFetcher}, HTTP/2 and transparent gzip as OkHttp does them.
   * No socket read or write timeout: {@link OkHttpFetcher} gives every call one deadline of
   * {@code --timeout} for all its hops and its body (OkHttp's call timeout, kept by one watchdog
   * thread), and an inactivity timeout of the same length could never fire first; it only cost a
   * timer per blocking read (on a virtual thread, a task on the JDK's delay scheduler).
   * The caller owns it and should {@link #shutdown} it at the end of the crawl.
   */
  public static OkHttpClient create(FetchSettings settings, int concurrency) {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(Math.max(5, concurrency), 1, TimeUnit.MINUTES))
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .build();
  }

  /** Closes idle connections and stops the client's background threads. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
