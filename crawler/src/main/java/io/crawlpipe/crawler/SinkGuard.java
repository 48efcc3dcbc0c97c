package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's sink, written one line at a time until a write fails: once one throws, the sink is never
 * called again (a failure of the run that is not the sink's does not cut it off, see {@link
 * StageFailure}). Writes are serialized so that
 * none starts after one has failed: a file that failed mid-line gets nothing after the partial
 * line. (A {@link ResultSink} never interleaves lines, so it serializes its writes anyway; the
 * store's sinks send nothing after a failed write either, not even when closed.)
 *
 * <p>Thread-safe.
 */
final class SinkGuard {
  /** The stop reason, and the start of the message of a failure that was not a {@code StoreException}. */
  static final String FAILED = "results could not be stored";
  private final ResultSink sink;
  private final Runnable onFailure;
  private final ReentrantLock lock = new ReentrantLock();
  /** The sink's first failure; set under {@code lock} when it threw. */
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** {@code onFailure} runs (on the failing thread, perhaps more than once) after the first failure. */
  SinkGuard(ResultSink sink, Runnable onFailure) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  /** Writes {@code result} and returns true, or returns false when the sink has failed, by this write or before. */
  boolean write(CrawlResult result) {
    lock.lock();
    try {
      if (failure.get() != null) return false;
      sink.write(result);
      return true;
    } catch (Throwable t) { // a checked exception thrown sneakily too: the run cannot go on either way
      failure.compareAndSet(null, t);
    } finally {
      lock.unlock();
    }
    onFailure.run();
    return false;
  }

  boolean failed() {
    return failure.get() != null;
  }

  /** Throws the sink's failure, if any, for the run's caller: a {@code RuntimeException} or {@code Error} as it is. */
  void rethrow() {
    switch (failure.get()) {
      case null -> { }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case IOException e -> throw new StoreException(FAILED + ": " + e.getMessage(), e);
      case Throwable t -> throw new UndeclaredThrowableException(t, FAILED + ": " + t);
    }
  }
}
