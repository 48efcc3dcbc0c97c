package io.crawlpipe.crawler.cli;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code crawl} command's stop signals from the first line of {@code main}, before the
 * arguments are parsed: the process's handlers ({@code signals}, {@link OsSignals}) are installed
 * at once and never removed, so the JVM's default handling (exit 143 with no line, the lock and an
 * empty {@code OUT.partial} left behind) does not apply after that. A signal before any run
 * listened is recorded (the first one); the run that then {@link #install}s its handler gets it at
 * once, as a stop before its crawl. One after the run stopped listening is
 * ignored: the process is ending with the run's exit code. Thread-safe: signals arrive on the JVM's
 * signal thread.
 */
final class EarlySignals implements StopSignals {
  /** The run's handler, or null while none listens. Guarded by {@code this}. */
  private Consumer<StopCause> current;
  /** The first signal that came while no run listened and that no run has been given. Guarded by {@code this}. */
  private StopCause pending;
  /** Set once a run has installed its handler. Guarded by {@code this}. */
  private boolean listened;

  private EarlySignals() {}

  /** Installs the process's handlers through {@code signals} now, recording until a run listens. */
  static EarlySignals start(StopSignals signals) {
    EarlySignals early = new EarlySignals();
    Objects.requireNonNull(signals, "signals").install(early::deliver);
    return early;
  }

  private void deliver(StopCause cause) {
    Consumer<StopCause> handler;
    synchronized (this) {
      handler = current;
      if (handler == null) {
        if (pending == null && !listened) pending = cause;
        return;
      }
    }
    handler.accept(cause);
  }

  /**
   * Sends every later signal to {@code handler} until the registration is closed; a signal recorded
   * before is given to it first, on this thread, before this returns.
   */
  @Override
  public Registration install(Consumer<StopCause> handler) {
    return install(handler, true);
  }

  /**
   * As {@link #install}, but not the run's: once it is closed, signals are recorded again for the
   * run, as before any handler listened. A signal recorded before is given to it first.
   */
  @Override
  public Registration installBeforeRun(Consumer<StopCause> handler) {
    return install(handler, false);
  }

  private Registration install(Consumer<StopCause> handler, boolean theRun) {
    Objects.requireNonNull(handler, "handler");
    StopCause early;
    synchronized (this) {
      current = handler;
      if (theRun) listened = true;
      early = pending;
      pending = null;
    }
    if (early != null) handler.accept(early);
    return () -> {
      synchronized (this) {
        if (current == handler) current = null;
      }
    };
  }

  /** The signal recorded while no run listened and never given to one (no run started); null if none. */
  synchronized StopCause undelivered() {
    return pending;
  }
}
