package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.ContentTypes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A response as read: the URL asked for, the URL answered after redirects, the status, selected
 * headers (lower-case names, first value; a value, or a content type, longer than {@link
 * #MAX_HEADER_CHARS} is dropped; {@code location} is kept up to {@link #MAX_LOCATION_CHARS}, a
 * longer one cut just past that, which is enough for {@link Redirects#target} to refuse it as too
 * long rather than take the redirect for a response without a {@code Location}; {@code
 * content-encoding}, its lines joined, only when the body was not gunzipped, as {@code
 * content-length} is, a longer one shortened to what {@link ContentCodings#essential} keeps), the body bytes (already gunzipped; handed over, not copied; empty when not
 * read, for a content coding {@link ContentCodings#notDecoded} names too), when the fetch started, how long it took and how
 * many attempts it made.
 *
 * <p>A content type too long to keep is not recorded ({@code contentType} null), but what reading
 * its body depends on, its media type and charset ({@link ContentTypes#essential}), is kept as
 * the {@code content-type} header, which only such a result has: {@link #contentTypeForParsing}
 * gives it, and it travels with the other headers to a worker's parent.
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
    headers = headers == null ? Map.of() : withoutHugeValues(headers);
    if (contentType != null && contentType.length() > MAX_HEADER_CHARS) {
      headers = withEssentialType(headers, ContentTypes.essential(contentType));
      contentType = null;
    }
    if (status < 100 || status > 999) throw new IllegalArgumentException("status must be 100..999, was " + status);
    if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
  }

  /**
   * The longest header value (and content type) a result keeps, in chars; a longer one is dropped
   * whatever the mode, so that a hostile response's headers cannot grow a result, or a worker's
   * answer line past what the parent reads (a line of at most 1 MiB, escaping included).
   */
  public static final int MAX_HEADER_CHARS = 8 * 1024;
  /**
   * The longest {@code location} a result keeps whole and a redirect follows: a URL the crawl
   * accepts ({@code UrlValidator.MAX_URL_CHARS}).
   */
  public static final int MAX_LOCATION_CHARS = 64 * 1024;
  /** The header that holds the essentials of a content type too long to keep (see the class comment). */
  private static final String CONTENT_TYPE = "content-type";

  private static Map<String, String> withoutHugeValues(Map<String, String> headers) {
    Map<String, String> kept = new HashMap<>(headers);
    kept.entrySet().removeIf(h -> h.getValue() != null && !"location".equals(h.getKey())
        && h.getValue().length() > MAX_HEADER_CHARS);
    kept.computeIfPresent("location", (name, location) -> cutLocation(location));
    String coding = headers.get("content-encoding");
    if (coding != null && coding.length() > MAX_HEADER_CHARS) kept.put("content-encoding", ContentCodings.essential(coding));
    return Map.copyOf(kept);
  }

  /**
   * {@code location}, or, when longer than {@link #MAX_LOCATION_CHARS} + 1 chars, its first {@code
   * MAX_LOCATION_CHARS} + 1 (+ 2 when that would split a surrogate pair): still too long to follow.
   */
  private static String cutLocation(String location) {
    int end = MAX_LOCATION_CHARS + 1;
    if (location.length() <= end) return location;
    return location.substring(0, Character.isHighSurrogate(location.charAt(end - 1)) ? end + 1 : end);
  }

  /** {@code headers} and the {@code content-type} header {@code essential}, when that is not null and short enough. */
  private static Map<String, String> withEssentialType(Map<String, String> headers, String essential) {
    if (essential == null || essential.length() > MAX_HEADER_CHARS) return headers;
    Map<String, String> kept = new HashMap<>(headers);
    kept.put(CONTENT_TYPE, essential);
    return Map.copyOf(kept);
  }

  /**
   * The Content-Type the parse stage reads the body by: {@link #contentType()}, or, for one too long
   * to keep, its media type and charset (see the class comment); null when the response had none.
   */
  public String contentTypeForParsing() {
    return contentType != null ? contentType : headers.get(CONTENT_TYPE);
  }

  /** The headers a result keeps, by lower-case name ({@code location}: a redirect the fetcher did not follow). */
  static final List<String> KEPT_HEADERS =
      List.of("retry-after", "content-length", "content-encoding", "last-modified", "etag", "location");

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
