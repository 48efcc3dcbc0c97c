package io.crawlpipe.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a URL has no page: the {@code error.type} of a result line. The JSON form is the lower-case
 * name ({@code invalid_url}, {@code too_large}, ...), which is part of the results-file schema.
 */
public enum ErrorType {
  /** The input line is not an absolute http(s) URL; it was never fetched. */
  INVALID_URL,
  /** The run was stopped (signal or {@code --max-time}) before this URL finished; {@code --resume} retries it. */
  CANCELLED,
  /** The host name could not be resolved. */
  DNS,
  /** The TCP connection could not be made (refused, unreachable). */
  CONNECT,
  /** The per-URL deadline ({@code --timeout}) passed before the body was read. */
  TIMEOUT,
  /** The TLS handshake failed. */
  TLS,
  /** The decoded body is larger than {@code --max-bytes}. */
  TOO_LARGE,
  /** More redirects than allowed, or a redirect loop. */
  TOO_MANY_REDIRECTS,
  /** Any other transport failure (connection reset, malformed response). */
  IO,
  /**
   * Not fetched: the host's circuit breaker is open after repeated failures (connect errors,
   * timeouts, resets, 5xx) and its cool-down has not passed.
   */
  CIRCUIT_OPEN,
  /**
   * Not fetched: the host's robots.txt disallows the URL for our user agent, or robots.txt
   * answered 5xx or 429, which disallows the whole host for the run. (A robots.txt with no answer
   * at all gives the host's URLs that transport error's type instead.)
   */
  ROBOTS_DISALLOWED,
  /**
   * A 2xx response whose content type is not text, HTML, JSON or XML; its body was not read.
   * Status and content type are kept.
   */
  UNSUPPORTED_CONTENT,
  /** An extraction rule ran past its time bound; the fetch facts are kept. */
  EXTRACT_TIMEOUT,
  /** An extraction rule failed on this page; the fetch facts are kept. */
  EXTRACT_ERROR,
  /**
   * {@code --mode processes}: the worker processes fetching this URL died or stopped answering
   * (three workers in turn), or no worker could be started.
   */
  WORKER_CRASHED,
  /** A bug in crawlpipe; the message says what failed. */
  INTERNAL;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The value written to the results file. */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * The type whose {@link #code()} is {@code code} (such as {@code "too_large"}); null if no type
   * has that code, or if {@code code} is null.
   */
  public static ErrorType ofCode(String code) {
    for (ErrorType type : values()) {
      if (type.code.equals(code)) return type;
    }
    return null;
  }
}
