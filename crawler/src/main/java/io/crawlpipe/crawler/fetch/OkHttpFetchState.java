package io.crawlpipe.crawler.fetch;

import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where one {@link OkHttpFetcher} fetch stands: the URL asked for, the hop being requested, the
 * fetch's deadline and progress, and how often its requests were sent again. Mutable and not
 * thread-safe: confined to the thread running the fetch. No accessor returns null.
 */
final class OkHttpFetchState {
  private final String url;
  private final FetchProgress progress;
  private final Instant fetchedAt;
  private final long start;
  private final long deadline;
  private HttpUrl current;
  private int hop;
  private int staleResends;
  private int refusals;
  private boolean resent;

  /**
   * A fetch of {@code url} ({@code first} parsed), begun at {@code fetchedAt} and {@link
   * System#nanoTime} {@code start}, to end by {@code deadline} on the same clock.
   */
  OkHttpFetchState(String url, HttpUrl first, FetchProgress progress, Instant fetchedAt, long start, long deadline) {
    this.url = Objects.requireNonNull(url, "url");
    this.current = Objects.requireNonNull(first, "first");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt");
    this.start = start;
    this.deadline = deadline;
  }

  /** The URL asked for, as given. */
  String url() {
    return url;
  }

  FetchProgress progress() {
    return progress;
  }

  Instant fetchedAt() {
    return fetchedAt;
  }

  /** The {@link System#nanoTime} at which the fetch began. */
  long start() {
    return start;
  }

  /** The {@link System#nanoTime} by which the fetch ends. */
  long deadline() {
    return deadline;
  }

  /** True once the deadline has passed. */
  boolean deadlinePassed() {
    return System.nanoTime() - deadline >= 0;
  }

  /** The URL of the hop being requested: {@link #url}'s, then each redirect's target. */
  HttpUrl current() {
    return current;
  }

  /** How many redirects have been followed. */
  int hop() {
    return hop;
  }

  /** True when this hop's request is to go, or went, again on a new connection. */
  boolean resent() {
    return resent;
  }

  /** This hop's request is to go again, on a new connection. */
  void resend() {
    resent = true;
  }

  /** The next hop is to {@code next}, on a pooled connection. */
  void redirectTo(HttpUrl next) {
    current = Objects.requireNonNull(next, "next");
    hop++;
    resent = false;
  }

  /** Counts a request not sent because its connection held unasked bytes: how many so far, this one included. */
  int staleConnection() {
    return ++staleResends;
  }

  /** Counts a request whose HTTP/2 stream the server refused: how many so far, this one included. */
  int refusedAgain() {
    return ++refusals;
  }
}
