package io.crawlpipe.store;

import java.io.Closeable;

/**
 * Receives finished results, one per input URL. Implementations must be safe to call from many
 * threads at once; lines are never interleaved. {@link #close()} flushes and releases what the sink
 * opened (but not a stream it was handed, such as standard output).
 *
 * <p>A functional interface: {@code ResultSink sink = results::add} is a sink whose {@code close()}
 * does nothing.
 */
@FunctionalInterface
public interface ResultSink extends Closeable {

  /**
   * Writes one result.
   *
   * @throws StoreException if the output can no longer be written; the run cannot continue.
   */
  void write(CrawlResult result);

  /**
   * Flushes and releases what the sink opened; by default nothing. Narrows {@link Closeable#close()}:
   * no checked exception.
   *
   * @throws StoreException if buffered results cannot be written
   */
  @Override
  default void close() {}
}
