package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * How a pipeline's run stops and ends. On the run's stop it ends the admissions and starts the
 * grace ({@link InFlight#stop}), and tells the fetcher to start nothing more, hearing when the
 * fetcher has settled what that cancels at once ({@link AsyncFetcher#stopStartingSettled}). A
 * failed sink, or a URL's steps failing otherwise, stops the run at once ({@link #stopAtOnce}).
 * Once the list is read, {@link #finish} waits for the lines and writes the URLs still unfinished
 * as {@code cancelled}.
 *
 * <p>Thread-safe: {@link #stopAtOnce} and the stop run on any thread; {@link #watch} and {@link
 * #finish} on the run's thread, once each, in that order. Does not own the fetcher or the in-flight
 * URLs. No argument may be null.
 */
final class GracefulStop {
  private final AsyncFetcher fetcher;
  private final InFlight inFlight;
  private final Duration cancellationsLimit;
  /** The run's control, set when it starts (one pipeline runs once). */
  private volatile CrawlControl control = CrawlControl.unstopped();

  /** After a stop, waits at most {@code cancellationsLimit} after it for the fetcher's cancellations. */
  GracefulStop(AsyncFetcher fetcher, InFlight inFlight, Duration cancellationsLimit) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.cancellationsLimit = Objects.requireNonNull(cancellationsLimit, "cancellationsLimit");
  }

  /**
   * Stops the run when {@code control} asks (at once if it has asked already, throwing what the
   * fetcher threw then).
   */
  void watch(CrawlControl control) {
    this.control = control;
    control.onStop(() -> {
      inFlight.stop(control.stopReason(), control.grace());
      stopFetcher(control.stopReason());
    });
  }

  /**
   * Tells the fetcher: what has not started is cancelled now, not started in the grace; {@link
   * InFlight} hears when it has been (the lines are awaited before the remaining URLs are cancelled).
   */
  private void stopFetcher(String reason) {
    CompletableFuture<Void> settled;
    try {
      settled = fetcher.stopStartingSettled(reason);
    } catch (RuntimeException | Error e) {
      inFlight.fetcherStopped();  // nothing to wait for
      throw e;
    }
    settled.whenComplete((ignored, error) -> inFlight.fetcherStopped());
  }

  /**
   * After a failed write, or another failure of a URL's steps ({@link StageFailure}): a stop for
   * {@code reason} with no grace. Running URLs are abandoned, and through the control the reader,
   * the host scheduler and the mode stop too.
   */
  void stopAtOnce(String reason) {
    inFlight.stop(reason, Duration.ZERO); // first: the control's own stop would give the grace
    control.requestStop(reason);
  }

  /**
   * After a failure of a URL's steps or a fatal error ({@link StageFailure}): {@link #stopAtOnce}
   * for {@code internal error}, and the run's control hears of {@code failure} ({@link
   * CrawlControl#fail}), so that what watches the whole run (the CLI's out-of-memory backstop)
   * learns of it too.
   */
  void failAtOnce(Throwable failure) {
    try {
      stopAtOnce(StageFailure.REASON);
    } finally {
      control.fail(failure);
    }
  }

  /**
   * Once the reader is done: waits for the admitted URLs' lines, all of them, or after a stop until
   * the grace is over and (unless the sink failed) the fetcher's cancellations are stored; then
   * writes every URL still unfinished as {@code cancelled} to {@code lines}, as of {@code clock}'s
   * time then.
   */
  void finish(LineWriter lines, Clock clock) {
    inFlight.awaitDone();
    // The fetcher's cancellations know the attempts made; left to cancelRemaining, they would lose them.
    if (control.stopRequested() && !lines.failed()) inFlight.awaitCancellations(cancellationsLimit);
    inFlight.cancelRemaining(lines::write, clock.instant());
  }
}
