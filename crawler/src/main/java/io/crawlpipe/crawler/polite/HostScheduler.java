package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Politeness and retries above a fetch mode, so they hold in every mode: each URL waits in its
 * host's queue until robots.txt is known and allows it, the host has fewer than {@code perHost}
 * requests in flight, its delay since the last start has passed, its circuit breaker is not open,
 * and fewer than {@code concurrency} attempts run in the whole crawl. Then one attempt runs through
 * the mode; a redirect sends the URL on to the front of its target host's queue, where the same
 * checks apply to the hop ({@link RedirectHops}); a transient failure is scheduled for a retry and
 * goes back to the front of its queue.
 *
 * <p>Only running attempts count against {@code concurrency}: a URL waiting in a busy or slow
 * host's queue, or waiting out a backoff, holds nothing, nor does a robots.txt request redirected
 * there ({@link RobotsFetch}), so a slow host never takes the slots of fast ones. When a slot frees, hosts waiting only for a slot get it in turn (round robin).
 *
 * <p>Why not resilience4j's Retry, RateLimiter and Bulkhead: they wait by blocking a thread or
 * holding a permit, and a Retry would re-run the call outside the host queue and its limits. The
 * waiting here is events on an {@link EventLoop} instead; resilience4j's {@code CircuitBreaker} fits
 * as is (see {@link HostBreakers}) and is used per host.
 *
 * <p>This class queues, and {@link HostTurns} admits on a host's turn; {@link StartLimits} says
 * when a host's limits let a request start; {@link AttemptRunner} runs what it admitted and settles the outcome (retry or completion),
 * {@link RobotsFetch} a host's robots.txt and its redirects, which go to their hosts' turns too
 * ({@link RobotsSettler} turns how it ends into the rules of the hosts that waited for it);
 * {@link CrawlSlots} counts the crawl-wide slots and the hosts in line for one; {@link RunStop}
 * holds a graceful stop; {@link HostGuard} keeps a bug in a host's event from stranding its URLs.
 *
 * <p>Thread-safe: {@link #fetch} may be called from any thread; every other method runs on the
 * event loop, which confines all scheduling state. Futures complete on the loop's thread, so
 * callers should attach heavy stages with an {@code ...Async} method and their own executor.
 */
public final class HostScheduler implements AsyncFetcher {
  private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);
  /** Idle hosts whose robots.txt rules and breaker are kept (see {@link HostTable}). */
  static final int MAX_IDLE_HOSTS = 10_000;

  private final PolitenessSettings politeness;
  private final EventLoop loop;
  private final HostTable hosts;
  private final CrawlSlots slots;
  private final StartLimits limits;
  private final AttemptRunner attempts;
  private final RobotsFetch robotsTxt;
  private final Clock wallClock;
  /** What a host does on its turn; made last, as it uses the others. */
  private final HostTurns turns;
  private final HostGuard guard = new HostGuard(this::failRobotsWaiting);
  /** Begun by {@link #stopStarting}: nothing starts after it. Confined to the loop. */
  private final RunStop stop = new RunStop();

  /**
   * A scheduler over {@code mode} (which makes one attempt per call). {@code wallClock} dates
   * {@code Retry-After} headers; {@code random} draws the backoff jitter; the loop is not closed here.
   */
  public HostScheduler(AsyncFetcher mode, SchedulerSettings settings, EventLoop loop, Clock wallClock, RandomGenerator random) {
    this(mode, settings, loop, wallClock, random, new RobotsPolicy(settings.userAgent()));
  }

  /** As the public one, turning robots.txt answers into rules with {@code robots} (which it then owns). */
  HostScheduler(AsyncFetcher mode, SchedulerSettings settings, EventLoop loop, Clock wallClock, RandomGenerator random,
      RobotsPolicy robots) {
    Objects.requireNonNull(mode, "mode");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = new CrawlSlots(settings.concurrency());
    this.politeness = settings.politeness();
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.limits = new StartLimits(politeness, loop, slots, this::guardedPump);
    this.attempts = new AttemptRunner(mode, loop, slots, new RetryPolicy(settings.retry(), wallClock, random),
        this::guardedPump, wallClock, new RedirectHops(settings.maxRedirects(), this::enqueueHop), guard);
    HostBreakers breakers = new HostBreakers(settings.breaker(), loop);
    this.hosts = new HostTable(key -> newHost(key, breakers), MAX_IDLE_HOSTS);
    this.robotsTxt = new RobotsFetch(mode, loop, slots, limits, robots, hosts::get, this::guardedPump, stop::begun,
        guard);
    this.turns = new HostTurns(hosts, limits, attempts, robotsTxt, stop);
  }

  private HostQueue newHost(HostKey key, HostBreakers breakers) {
    HostQueue host = new HostQueue(key, breakers.create(key), politeness.delay());
    if (!politeness.obeyRobots()) host.robots(RobotsPolicy.allowAll());
    return host;
  }

  /** A scheduler with a random jitter source. */
  public HostScheduler(AsyncFetcher mode, SchedulerSettings settings, EventLoop loop, Clock wallClock) {
    this(mode, settings, loop, wallClock, new SplittableRandom());
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url) {
    return fetch(url, () -> { });
  }

  /**
   * As {@link #fetch(String)}; {@code started} runs once, on the loop's thread, when the URL's first
   * request is handed to the mode (not for a retry or a redirect's hop), and never for a URL that
   * ends before: cancelled while it waited, refused by robots.txt or an open circuit. It should not
   * throw; if it does (a bug), the URL fails as {@code internal} without a request, and takes no slot.
   */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable started) {
    Objects.requireNonNull(started, "started");
    HostKey key;
    try {
      key = HostKey.of(url);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    FetchTask task = new FetchTask(url, key, wallClock.instant(), started);
    loop.execute(() -> {
      try {
        enqueue(task);
      } catch (RuntimeException | Error e) { // an Error too: a URL whose future never completes holds the run for ever
        log.error("host scheduler failed url={} error={}", url, e.toString());
        task.fail(new FetchException(url, ErrorType.INTERNAL, "host scheduler failed: " + e, e));
      }
    });
    return task.future();
  }

  /**
   * Fails every URL waiting in a host's queue or out a retry backoff as {@code cancelled}, now,
   * and any that arrives later; tells the mode, which cancels what it queued itself (the process
   * pool's URLs waiting for a worker). After a stop only the attempts already running may finish
   * in the grace period (a queue of URLs started one by one through it, each waiting its turn or
   * the host's delay, held the stop for the whole grace).
   */
  @Override
  public void stopStarting(String reason) {
    stopStartingSettled(reason);
  }

  /**
   * As {@link #stopStarting}; the future completes on the loop once the URLs it ends at once have
   * their futures failed: after the stop's event, and after the events that bring the outcomes of
   * what the mode cancelled (its own queue, the re-sends let go) back to the loop, which that event
   * posted. It never completes if the loop is closed first.
   */
  @Override
  public CompletableFuture<Void> stopStartingSettled(String reason) {
    CompletableFuture<Void> settled = new CompletableFuture<>();
    loop.execute(() -> {
      try {
        if (!stop.begin(reason)) return;
        hosts.forEach(stop::cancelWaiting);  // their URLs waiting out a backoff too
        attempts.stopStarting(reason);
        hosts.forEach(host -> limits.resend(host, true));  // the mode, told of the stop, cancels them
      } finally {
        loop.execute(() -> settled.complete(null));  // after the outcomes the mode's cancels queued
      }
    });
    return settled;
  }

  /**
   * Queues a URL to its host; one that the host's known rules refuse ends at once instead, as
   * {@code robots_disallowed} (after a stop too: its rules, not the stop, keep it from being fetched).
   */
  private void enqueue(FetchTask task) {
    HostQueue host = hosts.get(task.host());
    if (host.disallows(task)) host.robots().refuse(task);
    else host.add(task);
    guardedPump(host);
  }

  /** A redirected URL goes on at the front of its new host's queue: its attempt has started already. */
  private void enqueueHop(FetchTask task) {
    HostQueue host = hosts.get(task.host());
    if (host.disallows(task)) host.robots().refuse(task);
    else host.addHop(task);
    guardedPump(host);
  }

  /**
   * The host's turn ({@link HostTurns#take}), under {@link HostGuard}: a bug in it fails the host's
   * waiting URLs instead of throwing.
   */
  private void guardedPump(HostQueue host) {
    guard.guarded(host, () -> turns.take(host));
  }

  /** The robots.txt fetches waiting for a host whose event threw end ({@link HostGuard}). */
  private void failRobotsWaiting(HostQueue host, Throwable e) {
    robotsTxt.failWaiting(host, e);
  }
}
