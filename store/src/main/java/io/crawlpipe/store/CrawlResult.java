package io.crawlpipe.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the results file: what happened to one input URL. Immutable; {@code data} is an
 * unmodifiable copy (of the map, not of the values in it) whose values should be JSON-like ({@link
 * JsonData}: the crawler checks a page's data by that rule before making its line). This record
 * does not check them: a value that is not is written through databind, which may fail on it.
 *
 * <p>Nullable components: {@code finalUrl}, {@code status}, {@code contentType}, {@code title},
 * {@code charset} (absent when nothing was fetched or parsed) and {@code error} (null on success).
 * {@code ok} is true exactly when the page was fetched with a 2xx status and no error: an ok
 * result without a 2xx status, or with an error, is refused ({@link IllegalArgumentException}).
 */
public record CrawlResult(
    String url,
    String finalUrl,
    Integer status,
    boolean ok,
    String contentType,
    long bytes,
    String title,
    String charset,
    Instant fetchedAt,
    long elapsedMs,
    int attempts,
    Map<String, Object> data,
    ResultError error) {

  public CrawlResult {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (bytes < 0) throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    if (elapsedMs < 0) throw new IllegalArgumentException("elapsedMs must be >= 0, was " + elapsedMs);
    if (attempts < 0) throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    if (ok && error != null) throw new IllegalArgumentException("ok result must not carry an error: " + url);
    if (ok && (status == null || status < 200 || status > 299)) {
      throw new IllegalArgumentException("ok result must have a 2xx status, not " + status + ": " + url);
    }
    data = data == null || data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** A result for a URL that produced no page. */
  public static CrawlResult failure(
      String url, Instant fetchedAt, long elapsedMs, int attempts, ResultError error) {
    Objects.requireNonNull(error, "error");
    return new CrawlResult(
        url, null, null, false, null, 0, null, null, fetchedAt, elapsedMs, attempts, Map.of(), error);
  }

  /** The same result with its error replaced by {@code newError}, not null (keeps the fetch facts, clears {@code ok}). */
  public CrawlResult withError(ResultError newError) {
    Objects.requireNonNull(newError, "error");
    return new CrawlResult(url, finalUrl, status, false, contentType, bytes, title, charset,
        fetchedAt, elapsedMs, attempts, data, newError);
  }
}
