package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link RobotsFetch}'s robots.txt requests that failed because this process ran out of file
 * descriptors, which says nothing about the host: each is sent again after the retries' backoff,
 * as a URL's attempt is ({@link AttemptRunner#retryRobots}, once {@link #through} named the
 * runner), holding no slot while it waits; only with the retries used up, or a stop, is that
 * failure its answer.
 *
 * <p>Not thread-safe: confined to the scheduler's event loop, like the hosts and slots it changes.
 */
final class RobotsBackoff {
  private final CrawlSlots slots;
  private final Function<HostKey, HostQueue> hosts;
  private final Consumer<HostQueue> pump;
  private final RobotsSettler settler;
  /** Backs off a request that met a shortage of file descriptors; none does until {@link #through}. */
  private AttemptRunner attempts;

  /**
   * {@code hosts} gives a host's queue (creating it); {@code pump} starts what a host may start now
   * and must not throw; {@code settler} ends a fetch given up. None may be null.
   */
  RobotsBackoff(CrawlSlots slots, Function<HostKey, HostQueue> hosts, Consumer<HostQueue> pump, RobotsSettler settler) {
    this.slots = Objects.requireNonNull(slots, "slots");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.settler = Objects.requireNonNull(settler, "settler");
  }

  /**
   * From now on a request that failed for want of a file descriptor is sent again after {@code
   * attempts}' backoff ({@link AttemptRunner#retryRobots}). Called once, before the first fetch.
   */
  void through(AttemptRunner attempts) {
    this.attempts = Objects.requireNonNull(attempts, "attempts");
  }

  /**
   * Whether the chain's request to {@code url}, which failed with {@code error}, is sent again after
   * a backoff (a shortage of file descriptors; see the class comment): its slot then goes to the
   * hosts in line, and the request waits for its host's turn when the backoff ends, as a redirect's
   * hop does. A stop meanwhile ends the chain with {@code error} as its answer.
   */
  boolean backedOff(RobotsChain chain, String url, Throwable error) {
    if (attempts == null) return false;
    int made = chain.shortOfDescriptors();
    Runnable giveUp = () -> settler.settle(chain.origin(), settler.read(chain, url, null, error));
    if (!attempts.retryRobots(url, made, AsyncFetcher.cause(error), () -> resend(chain, url, giveUp), giveUp)) {
      return false;
    }
    slots.release();
    slots.drain(pump);
    return true;
  }

  /** The chain's request to {@code url}, backed off, waits for its host's turn (holding no slot until it starts). */
  private void resend(RobotsChain chain, String url, Runnable giveUp) {
    HostQueue host;
    try {
      host = hosts.apply(HostKey.of(url));  // the same queue, unless it was retired idle meanwhile
    } catch (RuntimeException e) {
      giveUp.run();
      return;
    }
    host.addRobotsHop(chain);
    pump.accept(host);
  }
}
