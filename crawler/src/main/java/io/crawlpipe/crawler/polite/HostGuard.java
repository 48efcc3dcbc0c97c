package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a bug in one of a host's events from stranding the host's URLs: whatever such an event
 * throws, every URL waiting for the host fails as {@code internal} instead of waiting forever.
 * Stateless; its methods run on the {@link HostScheduler}'s event loop only, as the hosts they
 * change are confined to it. No argument may be null.
 */
final class HostGuard {
  /** The scheduler's logger: these lines were the scheduler's and keep its name in the log. */
  private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

  private HostGuard() {}

  /** Runs {@code event} of {@code host}; if it throws (a {@link RuntimeException} or an {@link Error}), {@link #failWaiting}. */
  static void guarded(HostQueue host, Runnable event) {
    try {
      event.run();
    } catch (RuntimeException | Error e) {
      failWaiting(host, e);
    }
  }

  /** After a bug {@code e} in one of the host's events, fails every URL waiting for it as {@code internal}. */
  static void failWaiting(HostQueue host, Throwable e) {
    log.error("host scheduler failed host={} error={} (its waiting URLs fail as internal)", host.key(), e.toString());
    log.debug("host scheduler failure", e);
    for (FetchTask waiting; (waiting = host.poll()) != null; ) {
      waiting.fail(new FetchException(waiting.url(), ErrorType.INTERNAL, "host scheduler failed: " + e, e));
    }
  }
}
