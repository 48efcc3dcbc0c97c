package io.crawlpipe.crawler.cli;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's default uncaught-exception handler, installed once by {@link Main#main}: what ends
 * a thread of the crawl (an {@code OutOfMemoryError} thrown in a pool's own code, where no task
 * catches it) is one line in the log, its stack trace at DEBUG, never the JVM's stack trace on the
 * terminal; and an {@link Error} goes to the runs attached ({@link #attach}: each fails, see {@link
 * io.crawlpipe.crawler.CrawlControl#fail}), since the thread it ended may have left a URL
 * unanswered for ever. Thread-safe.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);
  private final List<Consumer<Error>> runs = new CopyOnWriteArrayList<>();

  /** Makes a new handler the JVM's default for every thread, and returns it. */
  static UncaughtErrors install() {
    UncaughtErrors handler = new UncaughtErrors();
    Thread.setDefaultUncaughtExceptionHandler(handler);
    return handler;
  }

  /**
   * Gives the errors no thread caught to {@code run} until the returned action is run, when the
   * JVM's default handler is an {@code UncaughtErrors} ({@link #install}ed: the {@code crawl}
   * process); otherwise (a run embedded in another program, a test) the action does nothing.
   */
  static Runnable attach(Consumer<Error> run) {
    Objects.requireNonNull(run, "run");
    if (!(Thread.getDefaultUncaughtExceptionHandler() instanceof UncaughtErrors handler)) return () -> { };
    return handler.add(run);
  }

  /** Gives the errors no thread caught to {@code run} until the returned action is run. */
  Runnable add(Consumer<Error> run) {
    runs.add(Objects.requireNonNull(run, "run"));
    return () -> runs.remove(run);
  }

  /**
   * Logs {@code e} as one line (at DEBUG only when a run takes it: the run reports it), its stack
   * trace at DEBUG, and gives an {@code Error} to every run attached.
   */
  @Override
  public void uncaughtException(Thread thread, Throwable e) {
    boolean toRuns = e instanceof Error && !runs.isEmpty();
    try {
      if (!toRuns) log.error("thread {} ended: {}", thread.getName(), e.toString());
      log.debug("thread {} ended", thread.getName(), e);
    } catch (RuntimeException | Error unlogged) {
      // out of memory again, say: the runs below must still hear of it
    }
    if (toRuns) for (Consumer<Error> run : runs) run.accept((Error) e);
  }
}
