package io.crawlpipe.store;

import java.io.Closeable;

/**
 * Receives finished results, one per input URL. Implementations must be safe to call from many
 * threads at once; lines are never interleaved. {@link #close()} flushes and releases what the sink
 * opened (but not a stream it was handed, such as standard output).
 */
public interface ResultSink extends Closeable {

  /**
   * Writes one result.
   *
   * @throws StoreException if the output can no longer be written; the run cannot continue.
   */
  void write(CrawlResult result);

  @Override
  void close() throws StoreException;
}
