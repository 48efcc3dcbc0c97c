package io.crawlpipe.crawler.polite;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The crawl-wide limit of the {@link HostScheduler}: at most {@code concurrency} requests (page
 * attempts and robots.txt fetches) run at once, and hosts that could start one but found no free
 * slot stand in line for the next, served in turn (round robin), so that no host takes every slot
 * that frees. A host stands in line at most once (its {@link HostQueue#inReadyQueue} flag says so).
 *
 * <p>Not thread-safe: confined to the scheduler's event loop. Hosts are not owned: a host leaves
 * the line only through {@link #drain}.
 */
final class CrawlSlots {
  private final int concurrency;
  private final ArrayDeque<HostQueue> line = new ArrayDeque<>();
  private int active;

  CrawlSlots(int concurrency) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    this.concurrency = concurrency;
  }

  /** True when one more request may start now. */
  boolean available() {
    return active < concurrency;
  }

  /** Counts a request starting; the caller checked {@link #available()}. */
  void take() {
    active++;
  }

  /** Counts a request that ended. */
  void release() {
    active--;
  }

  /** Puts the host at the back of the line for the next free slot, unless it stands in line already. */
  void awaitSlot(HostQueue host) {
    if (host.inReadyQueue()) return;
    host.inReadyQueue(true);
    line.addLast(host);
  }

  /**
   * While a slot is free, takes the host at the front of the line and hands it to {@code pump},
   * which starts what the host may start now (taking slots). {@code pump} may put a host back in
   * line only when no slot is free, or this never returns.
   */
  void drain(Consumer<HostQueue> pump) {
    while (active < concurrency && !line.isEmpty()) {
      HostQueue host = line.pollFirst();
      host.inReadyQueue(false);
      pump.accept(host);
    }
  }
}
