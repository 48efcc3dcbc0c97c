package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Redirects;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A host's robots.txt fetch, through the mode, once per host: it holds a crawl slot and a host
 * request while it runs, follows up to {@link #ROBOTS_REDIRECTS} redirects, then settles the host's
 * rules ({@link RobotsPolicy}) and gives the slot to the host's turn. Its URLs wait for the rules;
 * those the rules refuse end at once.
 *
 * <p>Confined to the scheduler's event loop, like the hosts and slots it changes; the callback on
 * the mode's future only hands the answer to the loop.
 */
final class RobotsFetch {
  /** Redirects followed for a robots.txt: the five RFC 9309 asks crawlers to follow at least. */
  static final int ROBOTS_REDIRECTS = 5;

  private final AsyncFetcher mode;
  private final EventLoop loop;
  private final CrawlSlots slots;
  private final RobotsPolicy robots;
  private final Consumer<HostQueue> pump;
  private final BooleanSupplier stopped;

  /**
   * {@code pump} starts what a host may start now and must not throw; {@code stopped} says whether
   * a graceful stop has begun (no further redirect is followed then). None may be null.
   */
  RobotsFetch(AsyncFetcher mode, EventLoop loop, CrawlSlots slots, RobotsPolicy robots, Consumer<HostQueue> pump,
      BooleanSupplier stopped) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.robots = Objects.requireNonNull(robots, "robots");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.stopped = Objects.requireNonNull(stopped, "stopped");
  }

  /**
   * Fetches the host's robots.txt, which it has not requested yet, following up to {@link
   * #ROBOTS_REDIRECTS} redirects (RFC 9309; more, or one to a location that is no http(s) URL,
   * leaves a redirect status: no rules). A slot is free; its URLs wait for the rules.
   */
  void fetch(HostQueue host) {
    slots.take();
    host.robotsRequested(true);
    host.requestStarted(loop.nanoTime());
    String robotsUrl = host.key().robotsUrl();
    fetch(host, robotsUrl, robotsUrl, 0);
  }

  private void fetch(HostQueue host, String robotsUrl, String url, int hops) {
    // Always timed from its send: the Crawl-delay it may bring applies from then.
    RequestSend send = new RequestSend(host, true, loop, pump);
    send.attempt(mode, url).whenComplete((result, error) -> loop.execute(() -> {
      send.settle();
      answered(host, robotsUrl, url, hops, result, error);
    }));
  }

  /**
   * Follows a robots.txt redirect, once the host's delay (or pause) since its last request has
   * passed, as for any request to it (a hop to another host waits out this host's delay too);
   * else settles the host's rules. After a stop no further hop starts: the host's URLs are
   * cancelled anyway. Whatever throws while the answer is read (a bug) settles the rules as
   * {@link RobotsPolicy#unreadable}: the host never stays waiting for its robots.txt.
   */
  private void answered(HostQueue host, String robotsUrl, String url, int hops, FetchResult result, Throwable error) {
    String next;
    try {
      next = !stopped.getAsBoolean() && hops < ROBOTS_REDIRECTS && result != null ? redirect(robotsUrl, result) : null;
    } catch (RuntimeException | Error e) {
      known(host, robots.verdict(robotsUrl, RobotsPolicy.unreadable(robotsUrl, url, e)));
      return;
    }
    if (next == null) {
      known(host, verdict(robotsUrl, url, result, error));
      return;
    }
    long wait = host.nanosUntilNextStart(loop.nanoTime());
    if (wait > 0) {
      loop.schedule(() -> answered(host, robotsUrl, url, hops, result, error), Duration.ofNanos(wait));
    } else {
      host.sentAt(loop.nanoTime());
      fetch(host, robotsUrl, next, hops + 1);
    }
  }

  /** The host's rules from its robots.txt's last answer; never throws (see {@link RobotsPolicy#unreadable}). */
  private HostRobots verdict(String robotsUrl, String url, FetchResult result, Throwable error) {
    try {
      return robots.verdict(robotsUrl, robots.read(url, result, AsyncFetcher.cause(error)));
    } catch (RuntimeException | Error e) {
      return robots.verdict(robotsUrl, RobotsPolicy.unreadable(robotsUrl, url, e));
    }
  }

  /** The robots.txt fetch ended with {@code verdict}: its slot goes on with the host's turn. */
  private void known(HostQueue host, HostRobots verdict) {
    slots.release();
    host.requestEnded();
    host.robots(verdict);
    HostGuard.guarded(host, () -> refuseDisallowed(host));
    // The host's turn goes on with the slot its robots.txt held: its first page goes out on the
    // connection robots.txt just used. Sent to the back of
    // the line instead, a list of distinct hosts had every host's robots.txt fetched (up to the
    // read-ahead, 10,000 hosts) before any page: two connections per site, results in bursts.
    pump.accept(host);
    slots.drain(pump);
  }

  /**
   * Ends now every URL waiting for the host that its rules, just known, refuse: wherever it waits
   * in the queue, not when it reaches the front (behind a {@code Crawl-delay} that took the length
   * of the queue, and a stop meanwhile made it {@code cancelled}). Later ones are checked as they
   * come ({@link HostScheduler}), so none the rules refuse waits in the queue once they are known.
   */
  private static void refuseDisallowed(HostQueue host) {
    for (FetchTask task : host.removeDisallowed()) host.robots().refuse(task);
  }

  private static String redirect(String robotsUrl, FetchResult result) {
    try {
      return Redirects.target(robotsUrl, result);
    } catch (FetchException unusable) {
      return null;
    }
  }
}
