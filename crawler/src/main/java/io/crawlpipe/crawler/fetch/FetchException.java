package io.crawlpipe.crawler.fetch;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/** No response could be read for a URL. Carries the URL, the error type and the attempts made. */
public final class FetchException extends IOException {
  private final String url;
  private final ErrorType type;
  private final int attempts;
  /** When the last attempt's first request started; null when unknown (then the caller's times are used). */
  private final Instant fetchedAt;
  private final long elapsedMs;

  public FetchException(String url, ErrorType type, String message, Throwable cause, int attempts) {
    this(url, type, message, cause, attempts, null, 0);
  }

  private FetchException(String url, ErrorType type, String message, Throwable cause, int attempts, Instant fetchedAt,
      long elapsedMs) {
    super(message, cause);
    this.url = Objects.requireNonNull(url, "url");
    this.type = Objects.requireNonNull(type, "type");
    this.attempts = attempts;
    this.fetchedAt = fetchedAt;
    this.elapsedMs = elapsedMs;
  }

  public FetchException(String url, ErrorType type, String message, Throwable cause) {
    this(url, type, message, cause, 1);
  }

  /**
   * The one-line message of an {@code internal} failure (a bug's) as every mode words it: the
   * class's simple name, then the first line of its message if it has one ({@code
   * StackOverflowError}, {@code IllegalStateException: closed}). {@code bug} is not null.
   */
  public static String internalMessage(Throwable bug) {
    String name = bug.getClass().getSimpleName();
    String message = bug.getMessage();
    return message == null ? name : name + ": " + message.lines().findFirst().orElse("");
  }

  public String url() {
    return url;
  }

  public ErrorType type() {
    return type;
  }

  /** How many requests were made before giving up. */
  public int attempts() {
    return attempts;
  }

  /** The same failure after {@code n} attempts. */
  public FetchException withAttempts(int n) {
    return new FetchException(url, type, getMessage(), getCause(), n, fetchedAt, elapsedMs);
  }

  /** The same failure, its last attempt started at {@code at} and spent {@code ms} in requests. */
  public FetchException withTiming(Instant at, long ms) {
    return new FetchException(url, type, getMessage(), getCause(), attempts, Objects.requireNonNull(at, "at"),
        Math.max(0, ms));
  }

  /**
   * The same failure, which happened at {@code hopUrl}, where a redirect of {@link #url} led: the
   * message says so first ({@code redirected to http://b/x: connection refused}). {@code hopUrl} is
   * as {@link Redirects#target} gives it, without user info, which is never written into a message.
   */
  public FetchException redirectedTo(String hopUrl) {
    return new FetchException(url, type, "redirected to " + hopUrl + ": " + getMessage(), getCause(), attempts,
        fetchedAt, elapsedMs);
  }

  /** When the failed attempt started, or null when the fetcher that failed did not say. */
  public Instant fetchedAt() {
    return fetchedAt;
  }

  /** Time spent in the failed attempt's requests; meaningful only when {@link #fetchedAt} is not null. */
  public long elapsedMs() {
    return elapsedMs;
  }
}
