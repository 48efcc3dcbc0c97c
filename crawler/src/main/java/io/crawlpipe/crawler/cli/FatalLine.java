package io.crawlpipe.crawler.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one line on stderr of a run that an {@link Error} ends: {@code crawl: fatal error: ERROR
 * HINT}, the hint {@code outOfMemoryHint} ({@link Main#outOfMemoryHint}) for an {@code
 * OutOfMemoryError}, else {@link Main#VERBOSE_HINT}. Printed at most once per run, by whoever
 * comes first: the one-shot {@code printed} is shared by everything that may end the run with it.
 * The line for running out of heap is prepared here, so that printing it needs little heap.
 * Thread-safe.
 */
final class FatalLine {
  private final PrintStream stderr;
  private final String outOfMemoryHint;
  private final String preparedOutOfMemory;
  private final AtomicBoolean printed;

  FatalLine(PrintStream stderr, String outOfMemoryHint, AtomicBoolean printed) {
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.outOfMemoryHint = Objects.requireNonNull(outOfMemoryHint, "outOfMemoryHint");
    this.printed = Objects.requireNonNull(printed, "printed");
    this.preparedOutOfMemory = "fatal error: java.lang.OutOfMemoryError: Java heap space" + outOfMemoryHint;
  }

  /**
   * Prints the line for {@code error} and flushes, unless a line was printed already; returns
   * whether it printed. If the line cannot be built (out of heap again), the line prepared for
   * running out of heap is printed.
   */
  boolean print(Throwable error) {
    if (!printed.compareAndSet(false, true)) return false;
    String line = preparedOutOfMemory;
    try {
      line = "fatal error: " + error + (error instanceof OutOfMemoryError ? outOfMemoryHint : Main.VERBOSE_HINT);
    } catch (RuntimeException | Error e) {
      // the prepared line will do
    }
    try {
      CrawlLine.print(stderr, line);
    } finally {
      stderr.flush();
    }
    return true;
  }
}
