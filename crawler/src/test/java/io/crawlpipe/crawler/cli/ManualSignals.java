package io.crawlpipe.crawler.cli;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** Stop signals a test sends by hand: {@link #send} calls the installed handler, as a signal would. */
final class ManualSignals implements StopSignals {
  private volatile Consumer<StopCause> handler;

  @Override
  public Registration install(Consumer<StopCause> h) {
    handler = h;
    return () -> handler = null;
  }

  /** Delivers {@code cause} to the running crawl; fails if no run has its handler installed. */
  void send(StopCause cause) {
    Consumer<StopCause> h = handler;
    if (h == null) throw new IllegalStateException("no run is listening for signals");
    h.accept(cause);
  }

  /** Waits until a run has its handler installed; false when {@code timeout} is up first. */
  boolean awaitInstalled(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handler == null && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
    return handler != null;
  }
}
