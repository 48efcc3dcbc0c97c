package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.UrlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the URL lines of a list file on a background thread, so the progress line can show a
 * total long before the crawl's reader, which waits for free slots, reaches the end. A URL line is
 * what the crawl's reader ({@link UrlSource}) takes for one: lines end at {@code \n}, {@code \r} or
 * {@code \r\n}, and a line counts unless it is blank or, trimmed of {@link UrlSource#isBlank}
 * characters, starts with {@code #}. Reads through a fixed buffer and keeps no line, so a line of
 * any length (a binary file, {@code /dev/zero}) costs no memory. Duplicate lines are counted, so the
 * count is an upper bound of the distinct URLs. Any failure (an unreadable list, even an error)
 * leaves the count unknown, with nothing printed: the crawl's own reader reports the list's
 * problems. Thread-safe; closing stops the count.
 */
final class LineCounter implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;
  private final AtomicLong count = new AtomicLong(-1);
  private volatile boolean closed;

  private LineCounter() {}

  /** Starts counting {@code file} on a daemon thread; a null file (stdin) is never counted. */
  static LineCounter start(Path file) {
    if (file == null) return new LineCounter();
    return start(() -> Files.newInputStream(file), Thread.ofPlatform().name("list-count").daemon().factory());
  }

  /** Starts counting the list {@code list} opens, on a thread from {@code threads}. */
  static LineCounter start(ListInput.Opener list, ThreadFactory threads) {
    LineCounter counter = new LineCounter();
    threads.newThread(() -> counter.count(list)).start();
    return counter;
  }

  /** The number of URL lines, or -1 until counted (or when counting failed or was stopped). */
  long count() {
    return count.get();
  }

  private void count(ListInput.Opener list) {
    try (InputStream raw = list.open(); Reader in = ListInput.reader(raw)) {
      long n = countLines(in);
      if (n >= 0) count.set(n);
    } catch (Throwable e) {
      // Whatever it is (an unreadable list, no memory left), the progress line just shows no total.
    }
  }

  /** The URL lines in {@code in}, or -1 when closed before its end. */
  private long countLines(Reader in) throws IOException {
    char[] buffer = new char[BUFFER];
    long lines = 0;
    boolean started = false; // a character that is not blank was seen on this line
    boolean comment = false; // and it was '#'
    int read;
    while ((read = in.read(buffer)) >= 0) {
      if (closed) return -1;
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        if (c == '\n' || c == '\r') { // \r\n ends a line, then an empty one: never counted
          if (started && !comment) lines++;
          started = false;
        } else if (!started && !UrlSource.isBlank(c)) {
          started = true;
          comment = c == '#';
        }
      }
    }
    return started && !comment ? lines + 1 : lines;
  }

  @Override
  public void close() {
    closed = true;
  }
}
