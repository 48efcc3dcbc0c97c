package io.crawlpipe.crawler.fetch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A response as read: the URL asked for, the URL answered after redirects, the status, selected
 * headers (lower-case names, first value), the body bytes (already gunzipped; handed over, not
 * copied), when the fetch started, how long it took and how many attempts it made.
 */
public record FetchResult(
    String url,
    String finalUrl,
    int status,
    String contentType,
    Map<String, String> headers,
    byte[] body,
    Instant fetchedAt,
    long elapsedMs,
    int attempts) {

  public FetchResult {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(finalUrl, "finalUrl");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (status < 100 || status > 999) throw new IllegalArgumentException("status must be 100..999, was " + status);
    if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
  }

  /** The headers a result keeps, by lower-case name ({@code location}: a redirect the fetcher did not follow). */
  static final List<String> KEPT_HEADERS = List.of("retry-after", "content-length", "last-modified", "etag", "location");

  /** The {@link #KEPT_HEADERS} that {@code lookup} (a response's header, null when absent) has. */
  static Map<String, String> keptHeaders(Function<String, String> lookup) {
    Map<String, String> kept = new HashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = lookup.apply(name);
      if (value != null) kept.put(name, value);
    }
    return kept;
  }

  /** True for 2xx statuses. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * This response as the answer to {@code originalUrl}, which redirects led to it: fetched at
   * {@code fetchedAt} (the first hop's start), {@code elapsedMs} of requests, {@code n} attempts.
   */
  public FetchResult answering(String originalUrl, Instant fetchedAt, long elapsedMs, int n) {
    return new FetchResult(originalUrl, finalUrl, status, contentType, headers, body, fetchedAt, elapsedMs, n);
  }

  /** The same result marked as having taken {@code n} attempts. */
  public FetchResult withAttempts(int n) {
    return new FetchResult(url, finalUrl, status, contentType, headers, body, fetchedAt, elapsedMs, n);
  }
}
