package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.Objects;

/**
 * One host's robots.txt fetch as {@link RobotsFetch} follows its redirects: the host it is for,
 * the URL of its next (or running) request, the hops made, the last redirect it was answered with
 * (its answer if it goes no further), and the host whose own robots.txt answer it waits for, if
 * it shares that host's fetch, and how many of its requests failed for want of a file descriptor.
 * Mutable; confined to the scheduler's event loop.
 */
final class RobotsChain {
  private final HostQueue origin;
  private final String robotsUrl;
  private String url;
  private int hops;
  /** The URL that answered {@link #redirect}; null before the first redirect. */
  private String redirectedAt;
  private FetchResult redirect;
  private HostQueue awaited;
  /** Requests of this fetch that failed for want of a file descriptor. */
  private int shortages;

  /** The fetch of {@code origin}'s robots.txt (not null), not started yet. */
  RobotsChain(HostQueue origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.robotsUrl = origin.key().robotsUrl();
    this.url = robotsUrl;
  }

  /** The host whose robots.txt this is. */
  HostQueue origin() { return origin; }

  /** Where the host's robots.txt lives: the chain's first URL. */
  String robotsUrl() { return robotsUrl; }

  /** The URL of the chain's next request, or of the one running. */
  String url() { return url; }

  /** Redirects followed so far. */
  int hops() { return hops; }

  /** The URL {@link #redirect} answered; null before the first redirect. */
  String redirectedAt() { return redirectedAt; }

  /** The last redirect answered, which is the chain's answer if it goes no further; null before the first. */
  FetchResult redirect() { return redirect; }

  /** {@code at} answered {@code answer}, a redirect to {@code next}: one more hop. No argument may be null. */
  void redirected(String at, FetchResult answer, String next) {
    redirectedAt = Objects.requireNonNull(at, "at");
    redirect = Objects.requireNonNull(answer, "answer");
    url = Objects.requireNonNull(next, "next");
    hops++;
  }

  /** One more request of this fetch failed for want of a file descriptor: how many have, this one included. */
  int shortOfDescriptors() { return ++shortages; }

  /** The host whose robots.txt answer this chain waits for; null when it waits for none. */
  HostQueue awaited() { return awaited; }

  /** From now on the chain waits for {@code host}'s robots.txt answer (null: for none). */
  void await(HostQueue host) { awaited = host; }

  /**
   * True when waiting for {@code host}'s robots.txt answer would wait for this chain's own: {@code
   * host} is this chain's host, or its robots.txt fetch waits, directly or through others, for
   * this chain's host. Sharing it then would wait for ever (a redirect loop between robots.txt files).
   */
  boolean wouldAwaitItself(HostQueue host) {
    for (HostQueue at = host; at != null; ) {
      if (at == origin) return true;
      RobotsChain fetch = at.robotsChain();
      at = fetch == null ? null : fetch.awaited;
    }
    return false;
  }
}
