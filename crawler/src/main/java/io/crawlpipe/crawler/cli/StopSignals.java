package io.crawlpipe.crawler.cli;

import java.util.function.Consumer;

/**
 * Delivers the operating system's stop signals (SIGINT, SIGTERM) to a run. Production uses {@link
 * OsSignals}; tests deliver stops by hand, without signals.
 */
interface StopSignals {

  /**
   * Sends every stop signal to {@code handler}, on a thread of the implementation's choosing, until
   * the returned registration is closed (which restores what was there before).
   */
  Registration install(Consumer<StopCause> handler);

  /**
   * As {@link #install}, for a handler of the command's start-up (a read of an option's file that
   * may wait) rather than of the run: a signal after it is closed is kept for the run as one before
   * any handler was (see {@link EarlySignals}).
   */
  default Registration installBeforeRun(Consumer<StopCause> handler) {
    return install(handler);
  }

  /** An installed handler; closing it uninstalls it. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
