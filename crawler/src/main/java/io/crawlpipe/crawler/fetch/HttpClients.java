package io.crawlpipe.crawler.fetch;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds the one {@link OkHttpClient} a crawl shares, sized for its concurrency. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A client with a connection pool that can keep one idle connection per concurrent request,
   * redirects left to {@link OkHttpFetcher}, HTTP/2 and transparent gzip as OkHttp does them.
   * The caller owns it and should {@link #shutdown} it at the end of the crawl.
   */
  public static OkHttpClient create(FetchSettings settings, int concurrency) {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(Math.max(5, concurrency), 1, TimeUnit.MINUTES))
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .build();
  }

  /** Closes idle connections and stops the client's background threads. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
