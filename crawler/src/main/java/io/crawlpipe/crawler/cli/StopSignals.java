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

  /** An installed handler; closing it uninstalls it. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
