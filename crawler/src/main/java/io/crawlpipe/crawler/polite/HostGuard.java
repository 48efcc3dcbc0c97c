package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a bug in one of a host's events from stranding what waits for the host: whatever such an
 * event throws, every URL waiting in its queue or waiting out a retry backoff fails as {@code
 * internal} instead of waiting forever, and so does every robots.txt fetch waiting there (its next request waiting for the
 * host's turn, or a fetch waiting for the host's robots.txt answer), whose host's URLs then end as
 * {@code internal} too. Holds no state of its own; its methods run on the {@link HostScheduler}'s
 * event loop only, as the hosts they change are confined to it. No argument may be null.
 */
final class HostGuard {
  /** The scheduler's logger: these lines were the scheduler's and keep its name in the log. */
  private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

  private final BiConsumer<HostQueue, Throwable> robotsWaiting;

  /**
   * {@code robotsWaiting} ends the robots.txt fetches waiting for a host after a bug in one of its
   * events ({@link RobotsFetch#failWaiting}); it must not throw.
   */
  HostGuard(BiConsumer<HostQueue, Throwable> robotsWaiting) {
    this.robotsWaiting = Objects.requireNonNull(robotsWaiting, "robotsWaiting");
  }

  /** Runs {@code event} of {@code host}; if it throws (a {@link RuntimeException} or an {@link Error}), {@link #failWaiting}. */
  void guarded(HostQueue host, Runnable event) {
    try {
      event.run();
    } catch (RuntimeException | Error e) {
      failWaiting(host, e);
    }
  }

  /**
   * After a bug {@code e} in one of the host's events, fails every URL waiting for it as {@code
   * internal}: those in its queue (retries and hops included), then those waiting out a retry
   * backoff, whose timers find them gone ({@link HostQueue#retryDue}), so each ends once; and ends
   * the robots.txt fetches waiting for it.
   */
  void failWaiting(HostQueue host, Throwable e) {
    log.error("host scheduler failed host={} error={} (its waiting URLs fail as internal)", host.key(), e.toString());
    log.debug("host scheduler failure", e);
    for (FetchTask waiting; (waiting = host.poll()) != null; ) fail(waiting, e);
    host.takeBackingOff().forEach(waiting -> fail(waiting, e));
    robotsWaiting.accept(host, e);
  }

  private static void fail(FetchTask task, Throwable e) {
    task.fail(new FetchException(task.url(), ErrorType.INTERNAL, "host scheduler failed: " + e, e));
  }
}
