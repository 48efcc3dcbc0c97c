package io.crawlpipe.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The results file cannot be written: fatal for the run, never a per-URL failure. */
public final class StoreException extends UncheckedIOException {
  public StoreException(String message, IOException cause) {
    super(message, cause);
  }
}
