package io.crawlpipe.crawler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT, SIGTERM and SIGHUP through {@code sun.misc.Signal} (module jdk.unsupported), which,
 * unlike a shutdown hook, tells them apart and lets the run count them (a SIGHUP ignored when the
 * JVM started, under {@code nohup}, stays ignored). While installed, the JVM's own
 * handling of these signals (running shutdown hooks and exiting) is replaced. Handlers run on the
 * JVM's signal-dispatch thread.
 */
final class OsSignals implements StopSignals {
  @Override
  public Registration install(Consumer<StopCause> handler) {
    List<Runnable> restore = new ArrayList<>();
    handle("INT", StopCause.SIGINT, handler, restore);
    handle("TERM", StopCause.SIGTERM, handler, restore);
    handle("HUP", StopCause.SIGHUP, handler, restore);
    return () -> restore.forEach(Runnable::run);
  }

  private static void handle(String name, StopCause cause, Consumer<StopCause> handler, List<Runnable> restore) {
    Signal signal = new Signal(name);
    try {
      SignalHandler previous = Signal.handle(signal, s -> handler.accept(cause));
      restore.add(() -> Signal.handle(signal, previous));
    } catch (IllegalArgumentException e) {
      // The signal is ignored (a background job started with SIGINT ignored) or reserved (-Xrs).
      // The logger is looked up here, not in a static field: creating this class must not start
      // logging (its set-up costs ~45 ms that `crawl --version` need not pay).
      LoggerFactory.getLogger(OsSignals.class).debug("cannot handle SIG{}: {}", name, e.getMessage());
    }
  }
}
