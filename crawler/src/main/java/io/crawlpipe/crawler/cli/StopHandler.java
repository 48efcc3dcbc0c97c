package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlControl;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns stop requests into actions. The first (SIGINT, SIGTERM or the {@code --max-time} deadline)
 * starts the graceful stop and is the cause the exit code reports; a second <em>signal</em> stops
 * at once through {@code immediate}; a deadline after a signal changes nothing. Thread-safe.
 */
final class StopHandler implements Consumer<StopCause> {
  private final CrawlControl control;
  private final Consumer<String> notice;
  private final Consumer<StopCause> immediate;
  private StopCause first;
  private boolean immediateStarted;

  /**
   * @param notice receives the one-line message of the first stop
   * @param immediate ends the process at once; called at most once, on the second signal
   */
  StopHandler(CrawlControl control, Consumer<String> notice, Consumer<StopCause> immediate) {
    this.control = Objects.requireNonNull(control, "control");
    this.notice = Objects.requireNonNull(notice, "notice");
    this.immediate = Objects.requireNonNull(immediate, "immediate");
  }

  @Override
  public void accept(StopCause cause) {
    boolean stopNow;
    synchronized (this) {
      if (first == null) {
        first = cause;
        stopNow = false;
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
    notice.accept(cause.label() + ": stopping; URLs in flight get " + Durations.format(control.grace())
        + " to finish" + (cause == StopCause.DEADLINE ? "" : " (send it again to stop at once)"));
    control.requestStop(cause.label());
  }

  /** The cause of the first stop request, or null when none came. */
  synchronized StopCause cause() {
    return first;
  }
}
