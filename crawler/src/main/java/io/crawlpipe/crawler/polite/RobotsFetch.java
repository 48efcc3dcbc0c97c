package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Redirects;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hosts' robots.txt fetches, through the mode, once per host: each follows up to {@link
 * #ROBOTS_REDIRECTS} redirects ({@link RobotsChain}), then settles the host's rules ({@link
 * RobotsSettler}, from {@link RobotsPolicy}) and gives the slot its last request held to the
 * host's turn. Its URLs wait for the rules; those the rules refuse end at once.
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
 * <p>A request that failed because this process ran out of file descriptors says nothing about the
 * host: it is sent again after a backoff ({@link RobotsBackoff}, once {@link #backOffThrough} named
 * the runner).
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
  private final Function<HostKey, HostQueue> hosts;
  private final Consumer<HostQueue> pump;
  private final BooleanSupplier stopped;
  private final RobotsSettler settler;
  private final RobotsBackoff backoff;

  /**
   * {@code hosts} gives a host's queue (creating it); {@code pump} starts what a host may start
   * now, robots.txt hops first ({@link #startHops}), and must not throw; {@code stopped} says whether
   * a graceful stop has begun (no further request starts then); {@code robots}, {@code pump} and
   * {@code guard} also go to the {@link RobotsSettler} that ends its fetches. None may be null.
   */
  RobotsFetch(AsyncFetcher mode, EventLoop loop, CrawlSlots slots, StartLimits limits, RobotsPolicy robots,
      Function<HostKey, HostQueue> hosts, Consumer<HostQueue> pump, BooleanSupplier stopped, HostGuard guard) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.stopped = Objects.requireNonNull(stopped, "stopped");
    this.settler = new RobotsSettler(loop, robots, pump, guard);
    this.backoff = new RobotsBackoff(slots, hosts, pump, settler);
  }

  /**
   * From now on a request that failed for want of a file descriptor is sent again after {@code
   * attempts}' backoff ({@link AttemptRunner#retryRobots}). Called once, before the first fetch.
   */
  void backOffThrough(AttemptRunner attempts) {
    backoff.through(attempts);
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
        settler.endWithItsRedirect(host.pollRobotsHop());  // waiting, it holds no slot
      } else if (limits.mayStartRobotsHop(host)) {
        slots.take();
        send(host.pollRobotsHop(), host);
      } else {
        return false;
      }
    }
    return true;
  }

  /** After a stop, the fetches waiting for the host's robots.txt end ({@link RobotsSettler#abandon}). */
  void abandon(HostQueue host) {
    settler.abandon(host);
  }

  /**
   * After a bug {@code e} in one of the host's events, the robots.txt fetches waiting for it end
   * ({@link RobotsSettler#failWaiting}). Never throws.
   */
  void failWaiting(HostQueue host, Throwable e) {
    settler.failWaiting(host, e);
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
      if (result == null && backoff.backedOff(chain, url, error)) return;
      end(chain, settler.read(chain, url, result, error));
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

  /** The chain, which holds a slot, ended with {@code answer}: its slot goes on with its host's turn. */
  private void end(RobotsChain chain, RobotsAnswer answer) {
    slots.release();
    settler.settle(chain.origin(), answer);
    slots.drain(pump);
  }

  private static String redirect(String url, FetchResult result) {
    try {
      return Redirects.target(url, result);
    } catch (FetchException unusable) {
      return null;
    }
  }
}
