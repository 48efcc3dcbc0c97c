package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For {@link ResultOutput}: its sink as the crawl writes to it, noting that a line reached it
 * ({@link #wroteLine}): before, no line of this run can have been lost. Closing closes the sink.
 * Thread safe as far as the sink is; {@link #wroteLine} may be asked from any thread.
 */
final class NotingSink implements ResultSink {
  private final ResultSink sink;
  /** Set once a line was written. */
  private final AtomicBoolean wroteLine = new AtomicBoolean();

  /** Writes to {@code sink}, which must not be null. */
  NotingSink(ResultSink sink) {
    if (sink == null) throw new IllegalArgumentException("sink must not be null");
    this.sink = sink;
  }

  @Override
  public void write(CrawlResult result) {
    sink.write(result);
    if (!wroteLine.get()) wroteLine.set(true);
  }

  @Override
  public void close() {
    sink.close();
  }

  /**
   * Closes the sink; returns what closing it failed with (a write had failed: {@link
   * io.crawlpipe.store.JsonLinesSink}), or null.
   */
  String closeProblem() {
    try {
      sink.close();
      return null;
    } catch (StoreException e) {
      return e.getMessage();
    }
  }

  /** Closes the sink; a failure (a sink whose write failed fails to close too) is not reported twice. */
  void closeQuietly() {
    try {
      sink.close();
    } catch (StoreException e) {
      // The run already failed writing; the error it reported is the one that matters.
    }
  }

  /** True once a line was written to the sink. */
  boolean wroteLine() {
    return wroteLine.get();
  }
}
