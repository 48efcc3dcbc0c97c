package io.crawlpipe.crawler;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's first failure of a URL's stages that was not the sink's: a bug past the parse step (the
 * parse step makes a line of whatever a parser throws, and the sink's failures are {@link
 * SinkGuard}'s), such as a parse executor that refused the URL's task. It stops the run at once,
 * as a failed sink does, but the sink keeps working, so every URL still gets its line ({@code
 * cancelled} for those unfinished); the run then throws it, never labelled as the sink's.
 *
 * <p>Thread-safe: any thread fails; the run's thread rethrows.
 */
final class StageFailure {
  /** The stop reason, in the {@code cancelled} lines. */
  static final String REASON = "internal error";
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Runnable onFailure;

  /** {@code onFailure} runs once, on the failing thread, after the first failure. */
  StageFailure(Runnable onFailure) {
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  /** Records {@code t}, the failure of {@code url}'s stages, and stops the run, unless one came before. */
  void fail(String url, Throwable t) {
    if (!failure.compareAndSet(null, Objects.requireNonNull(t, "t"))) return;
    log.error("crawl stopped: the steps of {} failed: {}", LogText.printable(url), t.toString(), t);
    onFailure.run();
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
