package io.crawlpipe.crawler.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the URL lines of a list file (not blank, not {@code #} comments) on a background thread,
 * so the progress line can show a total long before the crawl's reader, which waits for free slots,
 * reaches the end. Streams the file: constant memory. Duplicate lines are counted, so the count is
 * an upper bound of the distinct URLs. Thread-safe; closing stops the count.
 */
final class LineCounter implements AutoCloseable {
  private final AtomicLong count = new AtomicLong(-1);
  private final Thread thread;
  private volatile boolean closed;

  private LineCounter(Path file) {
    this.thread = file == null ? null : Thread.ofPlatform().name("list-count").daemon().start(() -> countLines(file));
  }

  /** Starts counting {@code file}; a null file (stdin) is never counted. */
  static LineCounter start(Path file) {
    return new LineCounter(file);
  }

  /** The number of URL lines, or -1 until counted (or when counting failed). */
  long count() {
    return count.get();
  }

  private void countLines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(ListInput.reader(raw), 64 * 1024)) {
      long n = 0;
      String line;
      while (!closed && (line = in.readLine()) != null) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) n++;
      }
      if (!closed) count.set(n);
    } catch (IOException e) {
      // The crawl's own reader reports an unreadable list; the progress line just shows no total.
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
