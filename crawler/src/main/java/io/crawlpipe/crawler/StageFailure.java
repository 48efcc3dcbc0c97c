package io.crawlpipe.crawler;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's first failure of a URL's stages that was not the sink's: a bug past the parse step (the
 * parse step makes a line of whatever a parser throws, and the sink's failures are {@link
 * SinkGuard}'s), such as a parse executor that refused the URL's task. It stops the run at once,
 * as a failed sink does, but the sink keeps working, so every URL still gets its line ({@code
 * cancelled} for those unfinished); the run then throws it, never labelled as the sink's. A fatal
 * error seen elsewhere in the run ({@link CrawlControl#fail}: out of memory on the host scheduler's
 * thread, say) is such a failure too. It is logged as one line at ERROR, its stack trace at DEBUG
 * ({@code -v}): the terminal never shows a stack trace.
 *
 * <p>Thread-safe: any thread fails; the run's thread rethrows.
 */
final class StageFailure {
  /** The stop reason, in the {@code cancelled} lines. */
  static final String REASON = "internal error";
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Consumer<Throwable> onFailure;

  /** {@code onFailure} runs once, on the failing thread, with the first failure, after it is logged. */
  StageFailure(Consumer<Throwable> onFailure) {
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  /** Records {@code t}, the failure of {@code url}'s stages, and stops the run, unless one came before. */
  void fail(String url, Throwable t) {
    if (!failure.compareAndSet(null, Objects.requireNonNull(t, "t"))) return;
    logged("the steps of " + LogText.printable(url) + " failed", t);
    onFailure.accept(t);
  }

  /**
   * Records {@code t}, a fatal error seen outside any one URL's steps, and stops the run, unless a
   * failure came before. Logged at DEBUG only: the run throws {@code t} at its end, and the CLI's
   * one line ({@code crawl: fatal error: …}) says it.
   */
  void failRun(Throwable t) {
    if (!failure.compareAndSet(null, Objects.requireNonNull(t, "t"))) return;
    try {
      log.debug("crawl stopped: fatal error", t);
    } catch (RuntimeException | Error unlogged) {
      // as in logged: the stop must not be lost with the line
    }
    onFailure.accept(t);
  }

  /**
   * Logs {@code t} as one line, its trace at DEBUG. What logging throws (out of memory again) is
   * dropped: the run still stops, and throws {@code t} at its end, where it is reported.
   */
  private static void logged(String what, Throwable t) {
    try {
      log.error("crawl stopped: {}: {}", what, t.toString());
      log.debug("crawl stopped: {}", what, t);
    } catch (RuntimeException | Error unlogged) {
      // nothing more can be done here; the caller's stop must not be lost with the line
    }
  }

  /** The first failure, or null. */
  Throwable get() {
    return failure.get();
  }

  /**
   * Throws the first failure, if any: a {@code RuntimeException} or {@code Error} as it is, a
   * checked exception (thrown sneakily) in an {@link UndeclaredThrowableException}.
   */
  void rethrow() {
    switch (failure.get()) {
      case null -> { }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable t -> throw new UndeclaredThrowableException(t, "the crawl failed: " + t);
    }
  }
}
