package io.crawlpipe.crawler.fetch;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.util.Objects;

/** No response could be read for a URL. Carries the URL, the error type and the attempts made. */
public final class FetchException extends IOException {
  private final String url;
  private final ErrorType type;
  private final int attempts;

  public FetchException(String url, ErrorType type, String message, Throwable cause, int attempts) {
    super(message, cause);
    this.url = Objects.requireNonNull(url, "url");
    this.type = Objects.requireNonNull(type, "type");
    this.attempts = attempts;
  }

  public FetchException(String url, ErrorType type, String message, Throwable cause) {
    this(url, type, message, cause, 1);
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
    return new FetchException(url, type, getMessage(), getCause(), n);
  }
}
