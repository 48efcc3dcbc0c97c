package io.crawlpipe.crawler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Asks a running crawl to stop gracefully: the pipeline stops reading new URLs, lets the URLs in
 * flight finish within the grace period, and records each one still unfinished then as a {@code
 * cancelled} result, so every URL read ends as exactly one line. One control serves one run.
 *
 * <p>Thread-safe: a signal handler or a deadline timer may call {@link #requestStop} from any
 * thread, any number of times; only the first call counts.
 *
 * <p>The first request runs every {@link #onStop} listener, the run's own included, in the order
 * they were added, even when some of them throw: a failing listener cannot keep the run from
 * stopping. {@code requestStop} then throws the first listener's {@code RuntimeException} or {@code
 * Error}, the later ones added to it as suppressed; the stop has been requested all the same.
 *
 * <p>A fatal error seen outside the run's own steps (an {@code OutOfMemoryError} on a thread of
 * the fetcher or the host scheduler, say) fails the run through {@link #fail}: the pipeline stops at
 * once, as for a failed step ({@code cancelled} lines, reason {@code internal error}), and the run
 * then throws that error.
 */
public final class CrawlControl {
  private final Duration grace;
  private final AtomicReference<String> reason = new AtomicReference<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Consumer<Throwable>> failureListeners = new CopyOnWriteArrayList<>();

  /**
   * A control whose stop lets in-flight URLs run on for at most {@code grace}.
   *
   * @throws IllegalArgumentException when {@code grace} is negative or longer than {@link
   *     SettingDurations#MAX} (366 days)
   */
  public CrawlControl(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) throw new IllegalArgumentException("grace must be >= 0, was " + grace);
    SettingDurations.atMostMax("grace", grace);
    this.grace = grace;
  }

  /** A control nobody stops: the run goes on until the list is done. */
  public static CrawlControl unstopped() {
    return new CrawlControl(Duration.ZERO);
  }

  /**
   * Starts the graceful stop; {@code reason} (e.g. "SIGTERM") goes into the cancelled lines.
   *
   * @return true for the first request, false when a stop was already requested
   * @throws RuntimeException the first that a listener threw (or that {@code Error}), once every
   *     listener has run (see above)
   */
  public boolean requestStop(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (!this.reason.compareAndSet(null, reason)) return false;
    Throwable first = null;
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException | Error e) {
        if (first == null) first = e;
        else Suppressed.add(first, e);
      }
    }
    if (first instanceof Error error) throw error;
    if (first != null) throw (RuntimeException) first;
    return true;
  }

  public boolean stopRequested() {
    return reason.get() != null;
  }

  /** Why the run was stopped, or null while it was not. */
  public String stopReason() {
    return reason.get();
  }

  public Duration grace() {
    return grace;
  }

  /**
   * Runs {@code action} on the stop request, on the requesting thread, or now if it already came
   * (what it throws then goes to this method's caller); it may run twice, so be idempotent.
   *
   * @throws NullPointerException naming {@code action} when it is null
   */
  public void onStop(Runnable action) {
    Objects.requireNonNull(action, "action");
    listeners.add(action);
    if (stopRequested()) action.run();
  }

  /**
   * Fails the run with {@code error}, seen on any thread: the first call runs every {@link
   * #onFailure} listener (the pipeline's stops the run at once and rethrows {@code error} at its
   * end), then requests the stop (reason {@code internal error}) in case no pipeline listens yet.
   * Later calls do nothing. What a listener throws is not thrown here: the caller is already
   * handling a failure, so it is added to {@code error} as suppressed (unless it is {@code error}).
   *
   * @return true for the first call
   */
  public boolean fail(Throwable error) {
    Objects.requireNonNull(error, "error");
    if (!failure.compareAndSet(null, error)) return false;
    for (Consumer<Throwable> listener : failureListeners) {
      try {
        listener.accept(error);
      } catch (RuntimeException | Error e) {
        Suppressed.add(error, e);
      }
    }
    try {
      requestStop(StageFailure.REASON);
    } catch (RuntimeException | Error e) {
      Suppressed.add(error, e);
    }
    return true;
  }

  /** The error the run failed with ({@link #fail}), or null. */
  public Throwable failure() {
    return failure.get();
  }

  /**
   * Runs {@code action} with the run's fatal error when {@link #fail} is called, on the failing
   * thread, or now if it already was; it may run twice, so be idempotent.
   *
   * @throws NullPointerException naming {@code action} when it is null
   */
  public void onFailure(Consumer<Throwable> action) {
    Objects.requireNonNull(action, "action");
    failureListeners.add(action);
    Throwable failed = failure.get();
    if (failed != null) action.accept(failed);
  }
}
