package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link RobotsFetch}'s robots.txt fetches end: the answer read from a fetch's last request
 * ({@link #read}), the hosts it settles ({@link #settle}: the fetch's own, and those whose fetches
 * waited for it), and the fetches that end without a further request, after a stop or a bug at
 * the host they wait at. Holds no crawl slot: the fetch that held one frees it around {@link
 * #settle}; the fetches ended here hold none.
 *
 * <p>Not thread-safe: confined to the scheduler's event loop, like the hosts it changes. None of
 * its methods throws, so a host never stays waiting for rules that never come.
 */
final class RobotsSettler {
  private final EventLoop loop;
  private final RobotsPolicy robots;
  private final Consumer<HostQueue> pump;
  private final HostGuard guard;

  /**
   * {@code pump} starts what a settled host may start now and must not throw; {@code guard} keeps
   * a bug in refusing a host's URLs from stranding what waits for it. None may be null.
   */
  RobotsSettler(EventLoop loop, RobotsPolicy robots, Consumer<HostQueue> pump, HostGuard guard) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.robots = Objects.requireNonNull(robots, "robots");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /** The answer of the chain's last request, at {@code url}; never throws (see {@link RobotsPolicy#unreadable}). */
  RobotsAnswer read(RobotsChain chain, String url, FetchResult result, Throwable error) {
    try {
      return robots.read(url, result, AsyncFetcher.cause(error));
    } catch (RuntimeException | Error e) {
      return RobotsPolicy.unreadable(chain.robotsUrl(), url, e);
    }
  }

  /**
   * The host's rules are known from {@code answer}, and so are those of every host whose fetch
   * waited for it (in turn, for theirs). The host's turn goes on with the slot its robots.txt held,
   * if any: its first page goes out on the connection robots.txt just used. Sent to the back of
   * the line instead, a list of distinct hosts had every host's robots.txt fetched (up to the
   * read-ahead, 10,000 hosts) before any page: two connections per site, results in bursts.
   * Never throws (see {@link #takeRules}), so the slot it frees always goes on.
   */
  void settle(HostQueue host, RobotsAnswer answer) {
    ArrayDeque<HostQueue> known = new ArrayDeque<>();
    known.add(host);
    for (HostQueue next; (next = known.poll()) != null; ) {
      for (RobotsChain waiter : next.takeRobotsWaiters()) {
        waiter.await(null);
        known.add(waiter.origin());
      }
      HostQueue settled = next;
      takeRules(settled, answer);
      guard.guarded(settled, () -> refuseDisallowed(settled));
      pump.accept(settled);
    }
  }

  /**
   * Gives the host its verdict from {@code answer}, its robots.txt fetch over. Never throws: if
   * making or taking the verdict throws (a bug, such as the rules' own code failing), the host gets
   * {@link RobotsPolicy#unusable} instead, and so is not crawled this run. A {@link HostGuard} would
   * fail only the URLs waiting now; the host, its robots.txt requested but its rules never known,
   * would keep every later URL waiting for ever.
   */
  private void takeRules(HostQueue host, RobotsAnswer answer) {
    String robotsUrl = host.key().robotsUrl();
    try {
      host.robots(robots.verdict(robotsUrl, answer), answer);
    } catch (RuntimeException | Error e) {
      host.robots(RobotsPolicy.unusable(robotsUrl, e), answer);
    }
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

  /** Ends a chain that holds no slot, after a stop, with its last redirect as its answer (in an event of its own). */
  void endWithItsRedirect(RobotsChain chain) {
    loop.execute(() -> settle(chain.origin(), read(chain, chain.redirectedAt(), chain.redirect(), null)));
  }

  /**
   * After a stop, the host's robots.txt, which other hosts' fetches wait for, will not be fetched:
   * each of them ends, its redirect its answer.
   */
  void abandon(HostQueue host) {
    for (RobotsChain waiter : host.takeRobotsWaiters()) {
      waiter.await(null);
      endWithItsRedirect(waiter);
    }
  }

  /**
   * After a bug {@code e} in one of {@code host}'s events ({@link HostGuard}), the robots.txt fetches
   * waiting for it end instead of waiting for ever: those whose next request waits for the host's
   * turn, and those waiting for its robots.txt answer, which may never come. Each ends with an answer
   * that crawls nothing of its host ({@link RobotsPolicy#stranded}), so that host's URLs end as
   * {@code internal}; none holds a slot.
   */
  void failWaiting(HostQueue host, Throwable e) {
    List<RobotsChain> ended = new ArrayList<>(host.takeRobotsWaiters());
    for (RobotsChain waiter : ended) waiter.await(null);
    for (RobotsChain hop; (hop = host.pollRobotsHop()) != null; ) ended.add(hop);
    for (RobotsChain chain : ended) {
      RobotsAnswer answer = RobotsPolicy.stranded(chain.url(), e);
      loop.execute(() -> settle(chain.origin(), answer));
    }
  }
}
