package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Redirects;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hosts' robots.txt fetches, through the mode, once per host: each follows up to {@link
 * #ROBOTS_REDIRECTS} redirects ({@link RobotsChain}), then settles the host's rules ({@link
 * RobotsPolicy}) and gives the slot its last request held to the host's turn. Its URLs wait for
 * the rules; those the rules refuse end at once.
 *
 * <p>Each request is one to the host it goes to: it takes one of that host's {@code perHost}
 * requests and waits for its delay (its {@code Crawl-delay} once known) since its last send, as
 * any request to it does, and counts as its send. It holds a crawl slot only while it runs: a
 * redirect's hop waiting for its host's turn holds none, and takes one when it starts, as any
 * request does, so hops queued at a busy or slow host never keep other hosts from starting.
 *
 * <p>A redirect to another host's own robots.txt shares that host's fetch instead of fetching it
 * again: it waits for that fetch (starting it if it has not started; the redirect is that fetch),
 * holding no slot meanwhile, or takes its answer if known; the redirecting host's rules are then
 * made from that answer. Only when that fetch waits for this one (a loop between robots.txt files)
 * is the URL fetched as any other hop.
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
  private final StartLimits limits;
  private final RobotsPolicy robots;
  private final Function<HostKey, HostQueue> hosts;
  private final Consumer<HostQueue> pump;
  private final BooleanSupplier stopped;
  private final HostGuard guard;

  /**
   * {@code hosts} gives a host's queue (creating it); {@code pump} starts what a host may start
   * now, robots.txt hops first ({@link #startHops}), and must not throw; {@code stopped} says whether
   * a graceful stop has begun (no further request starts then); {@code guard} keeps a bug in
   * refusing a host's URLs from stranding what waits for it. None may be null.
   */
  RobotsFetch(AsyncFetcher mode, EventLoop loop, CrawlSlots slots, StartLimits limits, RobotsPolicy robots,
      Function<HostKey, HostQueue> hosts, Consumer<HostQueue> pump, BooleanSupplier stopped, HostGuard guard) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.robots = Objects.requireNonNull(robots, "robots");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.stopped = Objects.requireNonNull(stopped, "stopped");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * Fetches the host's robots.txt, which it has not requested yet, following up to {@link
   * #ROBOTS_REDIRECTS} redirects (RFC 9309; more, or one to a location that is no http(s) URL,
   * leaves a redirect status: no rules). The host's limits let a request start, and a slot is free.
   */
  void fetch(HostQueue host) {
    slots.take();
    RobotsChain chain = new RobotsChain(host);
    host.robotsStarted(chain);
    send(chain, host);
  }

  /**
   * Lets go the robots.txt requests waiting for the host's turn, each when the host's limits and a
   * free slot allow ({@link StartLimits#mayStartRobotsHop}; it takes the slot); after a stop each
   * ends instead, its redirect its answer.
   * True when none is left waiting: the host's own requests may follow.
   */
  boolean startHops(HostQueue host) {
    while (host.hasRobotsHop()) {
      if (stopped.getAsBoolean()) {
        endWithItsRedirect(host.pollRobotsHop());  // waiting, it holds no slot
      } else if (limits.mayStartRobotsHop(host)) {
        slots.take();
        send(host.pollRobotsHop(), host);
      } else {
        return false;
      }
    }
    return true;
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
   * {@code internal}; none holds a slot. Never throws.
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

  /** Ends a chain that holds no slot, after a stop, with its last redirect as its answer. */
  private void endWithItsRedirect(RobotsChain chain) {
    loop.execute(() -> settle(chain.origin(), read(chain, chain.redirectedAt(), chain.redirect(), null)));
  }

  /** Sends the chain's request to {@code host}, the host of its URL, timed from its send. */
  private void send(RobotsChain chain, HostQueue host) {
    String url = chain.url();
    host.requestStarted(loop.nanoTime());
    RequestSend send = new RequestSend(host, true, loop, pump);
    send.attempt(mode, url).whenComplete((result, error) -> loop.execute(() -> {
      send.settle();
      host.requestEnded();
      answered(chain, url, result, error);
      pump.accept(host);  // the host's request ended: what waited for it may start
    }));
  }

  /**
   * Follows a robots.txt redirect: in line with its host's robots.txt hops, which go before that
   * host's URLs, or into that host's own robots.txt fetch (see the class comment); else ends the
   * chain with the answer. After a stop no further hop starts: the host's URLs are cancelled
   * anyway. Whatever throws while the answer is read (a bug) ends it as {@link
   * RobotsPolicy#unreadable}: the host never stays waiting for its robots.txt.
   */
  private void answered(RobotsChain chain, String url, FetchResult result, Throwable error) {
    String next;
    HostQueue target;
    try {
      next = !stopped.getAsBoolean() && chain.hops() < ROBOTS_REDIRECTS && result != null ? redirect(url, result) : null;
      target = next == null ? null : hosts.apply(HostKey.of(next));
    } catch (RuntimeException | Error e) {
      end(chain, RobotsPolicy.unreadable(chain.robotsUrl(), url, e));
      return;
    }
    if (next == null) {
      end(chain, read(chain, url, result, error));
      return;
    }
    chain.redirected(url, result, next);
    if (next.equals(target.key().robotsUrl()) && !chain.wouldAwaitItself(target)) {
      share(chain, target);
    } else {
      hop(chain, target);
    }
  }

  /**
   * The chain's next request goes to {@code target}: it waits for that host's turn without a slot,
   * taking one when it starts ({@link #startHops}); the slot it held goes to the hop if it may start
   * now, else to the hosts in line for one.
   */
  private void hop(RobotsChain chain, HostQueue target) {
    target.addRobotsHop(chain);
    releaseTo(target);
  }

  /**
   * The chain redirected to {@code target}'s own robots.txt: it takes that answer if known, else
   * waits for it without a slot, the target fetching it now if it had not started to.
   */
  private void share(RobotsChain chain, HostQueue target) {
    if (target.robotsAnswer() != null) {
      end(chain, target.robotsAnswer());
      pump.accept(target);  // it was looked up: back among the idle hosts, if it is idle
      return;
    }
    chain.await(target);
    target.awaitRobots(chain);
    releaseTo(target);  // its robots.txt, if not yet requested, goes on the slot just freed
  }

  /** Frees the chain's slot for {@code target} first, if it may start something now, else for the hosts in line. */
  private void releaseTo(HostQueue target) {
    slots.release();
    pump.accept(target);
    slots.drain(pump);
  }

  /** The answer of the chain's last request, at {@code url}; never throws (see {@link RobotsPolicy#unreadable}). */
  private RobotsAnswer read(RobotsChain chain, String url, FetchResult result, Throwable error) {
    try {
      return robots.read(url, result, AsyncFetcher.cause(error));
    } catch (RuntimeException | Error e) {
      return RobotsPolicy.unreadable(chain.robotsUrl(), url, e);
    }
  }

  /** The chain, which holds a slot, ended with {@code answer}: its slot goes on with its host's turn. */
  private void end(RobotsChain chain, RobotsAnswer answer) {
    slots.release();
    settle(chain.origin(), answer);
    slots.drain(pump);
  }

  /**
   * The host's rules are known from {@code answer}, and so are those of every host whose fetch
   * waited for it (in turn, for theirs). The host's turn goes on with the slot its robots.txt held,
   * if any: its first page goes out on the connection robots.txt just used. Sent to the back of
   * the line instead, a list of distinct hosts had every host's robots.txt fetched (up to the
   * read-ahead, 10,000 hosts) before any page: two connections per site, results in bursts.
   * Never throws (see {@link #takeRules}), so the slot it frees always goes on.
   */
  private void settle(HostQueue host, RobotsAnswer answer) {
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

  private static String redirect(String url, FetchResult result) {
    try {
      return Redirects.target(url, result);
    } catch (FetchException unusable) {
      return null;
    }
  }
}
