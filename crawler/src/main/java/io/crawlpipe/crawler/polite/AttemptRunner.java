package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.DurationText;
import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what the {@link HostScheduler} admitted, through the mode: one attempt of a URL (a host's
 * robots.txt is {@link RobotsFetch}'s). It holds a crawl slot and a host request while it runs.
 * Then the outcome is settled: the host's breaker hears of it, a transient failure is scheduled for a retry
 * (back to the front of the host's queue) unless the host's circuit is open, which ends it and the
 * host's URLs waiting out a backoff as {@code circuit_open}, anything else completes the URL's future; and the slot
 * goes to the hosts in line for one. Deciding whether something may start is the scheduler's.
 *
 * <p>Confined to the scheduler's event loop, like the hosts and slots it changes. The one
 * exception is the callback on the mode's future, which runs on whatever thread completes it and
 * does nothing but hand the outcome to the loop.
 */
final class AttemptRunner {
  /** The scheduler's logger: these lines were the scheduler's and keep its name in the log. */
  private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

  private final AsyncFetcher mode;
  private final EventLoop loop;
  private final CrawlSlots slots;
  private final RetryPolicy retries;
  private final Consumer<HostQueue> pump;
  private final Clock wallClock;
  private final RedirectHops redirects;
  private final HostGuard guard;
  /** Warns once per run (a scheduler has one runner) of a shortage of file descriptors, which no breaker counts. */
  private final DescriptorShortage descriptors = new DescriptorShortage();
  /** Robots.txt requests waiting out a backoff ({@link #retryRobots}), each with what ends it at a stop. */
  private final Map<Object, Runnable> robotsBackingOff = new IdentityHashMap<>();
  /** Set by {@link #stopStarting}: an attempt that ends after it is not retried; its outcome is the URL's. */
  private boolean stopped;

  /**
   * {@code pump} starts what a host may start now and must not throw; it runs when a retry is due
   * and when a slot frees; {@code guard} fails what waits for a host after a bug in settling an
   * outcome. The loop is not closed here.
   */
  AttemptRunner(AsyncFetcher mode, EventLoop loop, CrawlSlots slots, RetryPolicy retries, Consumer<HostQueue> pump,
      Clock wallClock, RedirectHops redirects, HostGuard guard) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.retries = Objects.requireNonNull(retries, "retries");
    this.pump = Objects.requireNonNull(pump, "pump");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.redirects = Objects.requireNonNull(redirects, "redirects");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * Starts one request of {@code task}, just taken from the host's queue: an attempt, or the next
   * hop of one that was redirected. A slot is free, and the breaker gave a permission. Never throws:
   * a bug before the request is handed to the mode (the URL's {@code started} callback throwing)
   * fails the URL as {@code internal} and takes nothing, so the host's and the crawl's slots stay free.
   */
  void start(HostQueue host, FetchTask task) {
    long startedAt;
    try {
      startedAt = loop.nanoTime();
      task.requestStarted(wallClock.instant());  // runs the URL's started callback on its first request
    } catch (RuntimeException | Error e) {
      host.breaker().releasePermission();  // no attempt is made
      log.error("host scheduler failed url={} error={}", LogText.printable(task.url()), e.toString());
      task.fail(new FetchException(task.url(), ErrorType.INTERNAL, "host scheduler failed: " + e, e));
      return;
    }
    slots.take();
    host.requestStarted(startedAt);
    RequestSend send = new RequestSend(host, false, loop, pump);
    send.attempt(mode, task.currentUrl()).whenComplete((result, error) -> loop.execute(() -> {
      send.settle();
      slots.release();
      host.requestEnded();
      try {
        finished(host, task, startedAt, result, error);
      } catch (RuntimeException | Error e) {
        task.fail(new FetchException(task.url(), ErrorType.INTERNAL, "host scheduler failed: " + e, e));
        guard.failWaiting(host, e);
      }
      slotFreed(host);  // after a bug too: the hosts in line for a slot would wait for ever
    }));
  }

  /**
   * Settles the outcome of an attempt whose request ended (its slot and host request are free
   * again). When the host's circuit is open after it, nothing of the host waits out a backoff: the
   * URLs that do, and this one if it would, end at once as {@code circuit_open} (a retry would only
   * be refused, or, after the cool-down, be taken for the trial attempt).
   */
  private void finished(HostQueue host, FetchTask task, long startedAt, FetchResult result, Throwable error) {
    Throwable cause = AsyncFetcher.cause(error);
    long took = loop.nanoTime() - startedAt;
    task.requestEnded(result, cause, TimeUnit.NANOSECONDS.toMillis(took));
    descriptors.notice(cause);
    HostBreakers.record(host.breaker(), took, result, cause);
    String failure = HostBreakers.failureOf(result, cause);
    if (failure != null) host.failed(failure);
    // A Retry-After pauses the host whether or not this URL is retried (its retries used up, --retries 0).
    Duration pause = retries.hostPause(result);
    if (pause != null) host.pauseUntil(loop.nanoTime() + pause.toNanos());
    RetryPolicy.Wait wait = stopped ? null : retries.nextWait(task.attempts(), result, cause); // no retry after a stop
    boolean open = HostBreakers.refuses(host.breaker());
    if (open) host.takeBackingOff().forEach(waiting -> HostBreakers.refuse(host, waiting));
    if (wait != null && open) {
      HostBreakers.refuse(host, task);
    } else if (wait != null) {
      retryLater(host, task, wait, pause != null, result, cause);
    } else if (result != null) {
      redirects.settle(task, result);
    } else {
      task.fail(task.hops() > 0 && cause instanceof FetchException e ? e.redirectedTo(task.currentUrl()) : cause);
    }
  }

  /** Schedules the retry of {@code task} after {@code wait}; a host paused by the server holds it instead. */
  private void retryLater(HostQueue host, FetchTask task, RetryPolicy.Wait wait, boolean hostPaused,
      FetchResult result, Throwable cause) {
    if (log.isDebugEnabled()) log.debug(retryLine(task, wait.duration(), result, cause));
    if (wait.serverAsked() && hostPaused) {
      host.addRetry(task);  // the host's pause holds it, and it goes first when the pause ends
    } else {
      host.backOff(task);
      loop.schedule(() -> retry(host, task), wait.duration());
    }
  }

  /**
   * The {@code -v} line of a retry: {@code retrying url=U attempts=N wait=80ms after="status 503"},
   * or {@code after="connect: connect to …: Connection refused"}: the error type and the cause's
   * message, with no class name; the wait as the options write durations; URL and message written
   * by {@link LogText}.
   */
  static String retryLine(FetchTask task, Duration wait, FetchResult result, Throwable cause) {
    return retryLine(task.url(), task.attempts(), wait, result, cause);
  }

  /** As above, for a request to {@code url} (a robots.txt), {@code attempts} made. */
  static String retryLine(String url, int attempts, Duration wait, FetchResult result, Throwable cause) {
    String after = result != null ? "status " + result.status()
        : cause instanceof FetchException e ? e.type().code() + ": " + e.getMessage()
        : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return "retrying url=" + LogText.printable(url) + " attempts=" + attempts + " wait="
        + DurationText.format(wait) + " after=" + LogText.quoted(after);
  }

  /**
   * Decides about a robots.txt request to {@code url}, the {@code attemptsMade}th for its fetch,
   * that failed with {@code cause}. A shortage of file descriptors is this process's, not the
   * host's (the run is warned once, as for a URL's attempt): while the retries allow another
   * attempt and no stop has begun, {@code resend} runs on the loop after the backoff, or {@code
   * giveUp} runs instead, at once, if a stop begins first; the result is then true. Anything else,
   * or the retries used up: false, and the failure is the request's answer, as it was.
   */
  boolean retryRobots(String url, int attemptsMade, Throwable cause, Runnable resend, Runnable giveUp) {
    if (!descriptors.notice(cause) || stopped) return false;
    RetryPolicy.Wait wait = retries.nextWait(attemptsMade, null, cause);
    if (wait == null) return false;
    if (log.isDebugEnabled()) log.debug(retryLine(url, attemptsMade, wait.duration(), null, cause));
    Object request = new Object();
    robotsBackingOff.put(request, giveUp);
    loop.schedule(() -> {
      if (robotsBackingOff.remove(request) != null) resend.run();
    }, wait.duration());
    return true;
  }

  /** A backoff's timer: the retry goes on, unless the URL ended meanwhile (a stop, an open circuit). */
  private void retry(HostQueue host, FetchTask task) {
    if (host.retryDue(task)) pump.accept(host);
  }

  /**
   * A graceful stop (the URLs waiting out a retry backoff are the hosts', which {@link
   * RunStop#cancelWaiting} ends): an attempt still running is not retried (its 503 or timeout is
   * the URL's line), a robots.txt request waiting out a backoff gives up ({@link #retryRobots}),
   * and the mode is told, so that what it queued itself does not start either.
   */
  void stopStarting(String reason) {
    stopped = true;
    List<Runnable> givenUp = List.copyOf(robotsBackingOff.values());
    robotsBackingOff.clear();
    givenUp.forEach(Runnable::run);
    mode.stopStarting(reason);
  }

  /** Puts the host in line for a slot and hands the free slots to the hosts in line, in turn. */
  private void slotFreed(HostQueue host) {
    slots.awaitSlot(host);
    slots.drain(pump);
  }
}
