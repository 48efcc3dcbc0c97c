package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.DurationText;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns stop requests into actions. The first (SIGINT, SIGTERM or the {@code --max-time} deadline)
 * starts the graceful stop and is the cause the exit code reports; a second <em>signal</em> stops
 * at once through {@code immediate}; a deadline after a signal changes nothing. The same signal
 * again within {@link #REPEAT_WINDOW} of the first is the same request: GNU {@code timeout} sends
 * its signal to the crawl and then to its whole process group, so the crawl gets it twice at once,
 * and that must not skip the grace period. The first stop's notice promises the URLs in flight
 * the grace period only once the list has given the crawl a URL; before that (the worker
 * processes of {@code --mode processes} still starting, a named pipe with no writer yet) no URL is
 * in flight, and it says so; and
 * once every URL of the list, read to its end, has its line, it says that the crawl has finished.
 * Thread-safe.
 */
final class StopHandler implements Consumer<StopCause> {
  /** How soon after the first the same signal counts as a repeat of it rather than a second request. */
  static final Duration REPEAT_WINDOW = Duration.ofMillis(500);

  private final CrawlControl control;
  private final Consumer<String> notice;
  private final Consumer<StopCause> immediate;
  private final LongSupplier nanoTime;
  private final BooleanSupplier reading;
  private final BooleanSupplier finished;
  private StopCause first;
  private long firstAt;
  private boolean immediateStarted;

  /** A handler whose crawl reads its list already: the first notice always promises the URLs in flight the grace. */
  StopHandler(CrawlControl control, Consumer<String> notice, Consumer<StopCause> immediate, LongSupplier nanoTime) {
    this(control, notice, immediate, nanoTime, () -> true, () -> false);
  }

  /**
   * @param notice receives the one-line message of the first stop
   * @param immediate ends the process at once; called at most once, on the second signal
   * @param nanoTime the clock {@link #REPEAT_WINDOW} is measured on ({@link System#nanoTime})
   * @param reading whether the list has given the crawl a URL yet (before that, none is in flight)
   * @param finished whether the list was read to its end and each of its URLs has its line (no URL
   *     is in flight, only the results file is left to finish)
   */
  StopHandler(CrawlControl control, Consumer<String> notice, Consumer<StopCause> immediate, LongSupplier nanoTime,
      BooleanSupplier reading, BooleanSupplier finished) {
    this.control = Objects.requireNonNull(control, "control");
    this.notice = Objects.requireNonNull(notice, "notice");
    this.immediate = Objects.requireNonNull(immediate, "immediate");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.reading = Objects.requireNonNull(reading, "reading");
    this.finished = Objects.requireNonNull(finished, "finished");
  }

  @Override
  public void accept(StopCause cause) {
    boolean stopNow;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (first == null) {
        first = cause;
        firstAt = now;
        stopNow = false;
      } else if (cause == first && now - firstAt < REPEAT_WINDOW.toNanos()) {
        return;
      } else if (cause != StopCause.DEADLINE && !immediateStarted) {
        immediateStarted = true;
        stopNow = true;
      } else {
        return;
      }
    }
    if (stopNow) {
      immediate.accept(cause);
      return;
    }
    try {
      notice.accept(noticeOf(cause));
    } finally {
      control.requestStop(cause.label()); // whatever the notice threw (out of memory writing it): the stop counts
    }
  }

  /** The first stop's notice: what the URLs in flight get, if any can be, and how to stop at once. */
  private String noticeOf(StopCause cause) {
    if (finished.getAsBoolean()) return cause.label() + ": the crawl has finished; finishing the results file";
    String inFlight = reading.getAsBoolean()
        ? "URLs in flight get " + DurationText.format(control.grace()) + " to finish"
        : "no URL is in flight";
    return cause.label() + ": stopping; " + inFlight + (cause == StopCause.DEADLINE ? "" : " (send it again to stop at once)");
  }

  /** The cause of the first stop request, or null when none came. */
  synchronized StopCause cause() {
    return first;
  }
}
