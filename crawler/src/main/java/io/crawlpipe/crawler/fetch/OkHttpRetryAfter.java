package io.crawlpipe.crawler.fetch;

import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from sending a request again by itself after a {@code 503} with {@code Retry-After:
 * 0}, which it does whatever it is told (its {@code retryOnConnectionFailure} does not cover it):
 * the request would reach the server twice at once, {@code attempts} counting one, whatever
 * {@code --retries} says. Retries are crawlpipe's ({@code RetryPolicy}), as with {@link
 * Http1Fetcher}. On the network side ({@link #hide}, from {@link OkHttpExchangeGuard}) a 503's
 * {@code Retry-After} lines are renamed, so OkHttp's follow-up logic sees none; the application
 * interceptor {@link #SHOW}, outside that logic, names them back before {@link OkHttpFetcher} reads
 * the response. Stateless and thread-safe.
 */
final class OkHttpRetryAfter {
  private static final String RETRY_AFTER = "Retry-After";
  /**
   * The name the lines go by between the two interceptors, never seen outside them: one of this
   * process's own, which a server could send only by guessing 64 random bits it never sees, so no
   * header of a site's is taken for a hidden {@code Retry-After}.
   */
  private static final String HIDDEN =
      "Crawlpipe-Hidden-Retry-After-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

  /** Names the hidden lines back: an application interceptor, outermost. */
  static final Interceptor SHOW = chain -> renamed(chain.proceed(chain.request()), HIDDEN, RETRY_AFTER);

  private OkHttpRetryAfter() {}

  /** {@code response} with a 503's {@code Retry-After} lines hidden from OkHttp; any other as it is. */
  static Response hide(Response response) {
    return response.code() == 503 ? renamed(response, RETRY_AFTER, HIDDEN) : response;
  }

  private static Response renamed(Response response, String from, String to) {
    if (response.header(from) == null) return response;
    Headers.Builder headers = response.headers().newBuilder().removeAll(from);
    for (String value : response.headers(from)) headers.addUnsafeNonAscii(to, value);
    return response.newBuilder().headers(headers.build()).build();
  }
}
