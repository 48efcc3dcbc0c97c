package io.crawlpipe.crawler.polite;

import java.util.Objects;

/**
 * What a host does on its turn, for {@link HostScheduler}: the scheduler queues URLs, and this
 * admits them when the host's limits ({@link StartLimits}), its breaker ({@link HostBreakers}) and
 * the crawl's slots let them start, has {@link AttemptRunner} run them, or first asks {@link
 * RobotsFetch} for the host's robots.txt. A turn is taken whenever something may have changed for
 * the host, such as a URL queued, an attempt ended, its delay passed, a slot freed or its rules
 * settled.
 *
 * <p>Not thread-safe: confined to the scheduler's event loop, like the hosts, limits and fetches it
 * uses.
 */
final class HostTurns {
  private final HostTable hosts;
  private final StartLimits limits;
  private final AttemptRunner attempts;
  private final RobotsFetch robotsTxt;
  private final RunStop stop;

  HostTurns(HostTable hosts, StartLimits limits, AttemptRunner attempts, RobotsFetch robotsTxt, RunStop stop) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.attempts = Objects.requireNonNull(attempts, "attempts");
    this.robotsTxt = Objects.requireNonNull(robotsTxt, "robotsTxt");
    this.stop = Objects.requireNonNull(stop, "stop");
    robotsTxt.backOffThrough(attempts);  // a robots.txt request short of a file descriptor backs off as a URL's does
  }

  /**
   * Lets the host's re-sends go, then robots.txt requests waiting for its turn ({@link RobotsFetch}),
   * then fetches its own robots.txt if its URLs, or another host's robots.txt redirected here, wait
   * for it, or else starts as many of its waiting URLs as its limits allow, failing the ones that
   * may not run, and then retires the host if it is idle ({@link HostTable}). After a stop, it
   * first cancels the host's waiting URLs. A URL the host's rules refuse never waits here once they
   * are known (the scheduler refuses it when it is queued, as {@link AttemptRunner} does), so every
   * one this reaches is allowed. Must run on the loop.
   */
  void take(HostQueue host) {
    if (stop.begun()) stop.cancelWaiting(host);
    if (!limits.resend(host, stop.begun()) || !robotsTxt.startHops(host)) return;
    if (host.robots() == null && (host.hasWaiting() || host.robotsAwaited())) {
      requestRobots(host);
      return;
    }
    while (host.hasWaiting()) {
      if (HostBreakers.refuses(host.breaker())) {
        HostBreakers.refuse(host, host.poll());
      } else if (!limits.mayStart(host)) {
        return;
      } else if (host.breaker().tryAcquirePermission()) {
        attempts.start(host, host.poll());
      } else {
        return;  // half-open and its one trial is taken: wait for the trial's outcome
      }
    }
    hosts.retireIfIdle(host);
  }

  /**
   * Fetches robots.txt once per host through the same mode, when the host's limits let a request
   * start (a robots.txt hop of another host's may have gone there); the host's URLs wait for it.
   * Not after a stop: the fetches of other hosts that wait for it end instead.
   */
  private void requestRobots(HostQueue host) {
    if (host.robotsRequested()) return;
    if (stop.begun()) {
      robotsTxt.abandon(host);
    } else if (limits.mayStart(host)) {
      robotsTxt.fetch(host);
    }
  }
}
