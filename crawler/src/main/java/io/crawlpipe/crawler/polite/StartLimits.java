package io.crawlpipe.crawler.polite;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link HostScheduler}'s limits on when a request to a host may start: the host's {@code
 * perHost} requests in flight, its circuit breaker's one half-open trial, a send still awaited,
 * its delay (or a server-asked pause) since its last send, and a free crawl slot. A host that must
 * wait for its delay is woken by a timer when it has passed ({@code wake}, at most one timer per
 * host); one that must wait for a slot stands in line for one ({@link CrawlSlots}). Nothing here
 * starts a request: the scheduler does, when these say it may.
 *
 * <p>Not thread-safe: confined to the scheduler's event loop, like the hosts and slots it reads.
 */
final class StartLimits {
  private final PolitenessSettings politeness;
  private final EventLoop loop;
  private final CrawlSlots slots;
  private final Consumer<HostQueue> wake;

  /** {@code wake} starts what a host may start now, when its delay has passed; it must not throw. No argument may be null. */
  StartLimits(PolitenessSettings politeness, EventLoop loop, CrawlSlots slots, Consumer<HostQueue> wake) {
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.wake = Objects.requireNonNull(wake, "wake");
  }

  /**
   * True when the host's and the crawl's limits let one more request to it start now; else false,
   * and the host is woken when its delay has passed, or stands in line for a slot, if that is what it waits for.
   */
  boolean mayStart(HostQueue host) {
    return hostAllows(host, true) && slotFree(host);
  }

  /**
   * As {@link #mayStart}, for a robots.txt fetch's next hop ({@link RobotsFetch}), which the host's
   * breaker does not hold: its {@code perHost}, its delay and a free crawl slot, which the hop
   * takes as any request does (it held none while it waited).
   */
  boolean mayStartRobotsHop(HostQueue host) {
    return hostAllows(host, false) && slotFree(host);
  }

  /** True when the host's own limits (its breaker's half-open trial if {@code breaker}) let a request start now. */
  private boolean hostAllows(HostQueue host, boolean breaker) {
    if (host.inFlight() >= politeness.perHost() || host.awaitingSend()
        || breaker && HostBreakers.trialRunning(host.breaker(), host.inFlight())) {
      return false;
    }
    return delayPassed(host);
  }

  /** True when a crawl slot is free; else the host stands in line for one. */
  private boolean slotFree(HostQueue host) {
    if (slots.available()) return true;
    slots.awaitSlot(host);
    return false;
  }

  /**
   * Lets go the host's requests that the mode would send again after their worker died, each when
   * no other send to the host is awaited and its delay since the last send has passed, as for a
   * start; they hold their slot already. After a stop ({@code stopped}) they all go, and the mode
   * cancels them. True when none is left waiting: new starts may follow.
   */
  boolean resend(HostQueue host, boolean stopped) {
    while (host.hasResend()) {
      if (!stopped && host.awaitingSend()) return false;  // its send settles, and pumps
      if (!stopped && !delayPassed(host)) return false;
      host.pollResend().run();
    }
    return true;
  }

  /** True when the host's delay (or pause) since its last request has passed; else wakes it when it has. */
  private boolean delayPassed(HostQueue host) {
    long wait = host.nanosUntilNextStart(loop.nanoTime());
    if (wait <= 0) return true;
    wakeLater(host, wait);
    return false;
  }

  private void wakeLater(HostQueue host, long nanos) {
    if (host.wakePending()) return;
    host.wakePending(true);
    loop.schedule(() -> {
      host.wakePending(false);
      wake.accept(host);
    }, Duration.ofNanos(nanos));
  }
}
