package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.DurationText;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one fetch has got to, so that a failure can say what did not happen: the request's phase
 * (name lookup, connect, TLS handshake, waiting for the response, reading the body), what it was
 * done with (the host or the address), the body's bytes read of those declared, and the URL of
 * the redirect's hop being fetched, if any. Written by the fetching thread and, for OkHttp, by
 * its event listener (which may run on another thread during a connect); read when the fetch
 * fails. Thread-safe: each field is written whole, and a failure reads the latest writes.
 */
final class FetchProgress {
  /** The phases of one request, in order. */
  enum Phase { LOOKUP, CONNECT, HANDSHAKE, RESPONSE, BODY }

  private final Duration limit;
  private final Runnable sent;
  private volatile Phase phase = Phase.RESPONSE;
  private volatile String host = "";
  private volatile String subject = "";
  private volatile String hop;
  private volatile long bodyRead;
  private volatile long bodyLength = -1;

  /** A fetch whose deadline is {@code limit} ({@code --timeout}) from its start. */
  FetchProgress(Duration limit) {
    this(limit, () -> {});
  }

  /** As {@link #FetchProgress(Duration)}, telling {@code sent} each time a request was written. */
  FetchProgress(Duration limit, Runnable sent) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.sent = Objects.requireNonNull(sent, "sent");
  }

  /**
   * A request to {@code host} starts; {@code hopUrl} is its URL when a redirect led to it (as {@link
   * Redirects} resolves it: without user info, which no message names), else null.
   */
  void request(String host, String hopUrl) {
    this.host = host;
    this.hop = hopUrl;
    awaitingResponse();
  }

  void lookingUp(String name) {
    subject = name;
    phase = Phase.LOOKUP;
  }

  /** A TCP connect to {@code address} ({@code host:port}, or more words for a tunnel) starts. */
  void connecting(String address) {
    subject = address;
    phase = Phase.CONNECT;
  }

  void handshaking() {
    phase = Phase.HANDSHAKE;
  }

  /** The request is (being) sent on an open connection: its response head is awaited. */
  void awaitingResponse() {
    phase = Phase.RESPONSE;
  }

  /**
   * A request was written on an open connection (see {@link Fetcher#fetch(String, Runnable)}): its
   * response head is awaited. Told after the write, not before, so that a host's delay never runs
   * from earlier than its request left (a cold JVM's first write took tens of milliseconds).
   */
  void sent() {
    phase = Phase.RESPONSE;
    sent.run();
  }

  /** The body is being read; {@code length} is its declared length in decoded bytes, or -1. */
  void readingBody(long length) {
    bodyRead = 0;
    bodyLength = length;
    phase = Phase.BODY;
  }

  /** {@code total} decoded bytes of the body have been read so far. */
  void bodyRead(long total) {
    bodyRead = total;
  }

  /** The host of the current request, as its URL names it. */
  String host() {
    return host;
  }

  /** What passing the deadline cut short, in plain words: {@code no response within 30s (--timeout)}. */
  String timeoutMessage() {
    String within = " within " + DurationText.format(limit) + " (--timeout)";
    return switch (phase) {
      case LOOKUP -> "name lookup of " + subject + " did not finish" + within;
      case CONNECT -> "connect to " + subject + " did not finish" + within;
      case HANDSHAKE -> "TLS handshake with " + host + " did not finish" + within;
      case RESPONSE -> "no response" + within;
      case BODY -> "body incomplete after " + DurationText.format(limit) + " (--timeout): " + bodyRead
          + (bodyLength >= 0 ? " of " + bodyLength + " bytes" : " bytes read");
    };
  }

  /** {@code message} with the redirect's hop named first when the failure happened at one. */
  String atHop(String message) {
    String at = hop;
    return at == null ? message : "redirected to " + at + ": " + message;
  }
}
