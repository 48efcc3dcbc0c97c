package io.crawlpipe.crawler.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one line on stderr of a run that an {@link Error} ends: {@code crawl: fatal error: ERROR
 * HINT}, the hint for an {@code OutOfMemoryError} the one given ({@link OutOfMemoryHints}: at the
 * start, that {@code --resume} continues; {@link #resultsComplete} once the results file is
 * complete), else {@link Main#VERBOSE_HINT}. Printed at most once per run, by whoever comes first:
 * the one-shot {@code printed} is shared by everything that may end the run with it. The line for
 * running out of heap is prepared with its hint, so that printing it needs little heap.
 * Thread-safe.
 */
final class FatalLine {
  private final PrintStream stderr;
  private final AtomicBoolean printed;
  /** The hint and the line prepared with it, replaced as one by {@link #resultsComplete}. */
  private volatile OutOfMemory outOfMemory;

  FatalLine(PrintStream stderr, String outOfMemoryHint, AtomicBoolean printed) {
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.printed = Objects.requireNonNull(printed, "printed");
    this.outOfMemory = new OutOfMemory(outOfMemoryHint);
  }

  /**
   * From now on an {@code OutOfMemoryError}'s hint is {@code outOfMemoryHint} (not null): the one
   * for a run whose results file is complete and in place ({@link OutOfMemoryHints#complete}), which
   * no {@code --resume} has to continue.
   */
  void resultsComplete(String outOfMemoryHint) {
    outOfMemory = new OutOfMemory(outOfMemoryHint);
  }

  /**
   * Prints the line for {@code error} and flushes, unless a line was printed already; returns
   * whether it printed. If the line cannot be built (out of heap again), the line prepared for
   * running out of heap is printed.
   */
  boolean print(Throwable error) {
    if (!printed.compareAndSet(false, true)) return false;
    OutOfMemory oom = outOfMemory;
    String line = oom.prepared();
    try {
      line = "fatal error: " + error + (error instanceof OutOfMemoryError ? oom.hint() : Main.VERBOSE_HINT);
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

  /**
   * The {@link Error} that {@code thrown} is, or null: an {@code Error} itself, or the {@code
   * IllegalArgumentException("Self-suppression not permitted")} a {@code try}-with-resources throws
   * when a resource's {@code close} throws the very error the body threw (the JVM throws one
   * preallocated {@code OutOfMemoryError} when the heap runs out): its cause, that error.
   */
  static Error errorIn(Throwable thrown) {
    if (thrown instanceof Error error) return error;
    if (thrown instanceof IllegalArgumentException && "Self-suppression not permitted".equals(thrown.getMessage())
        && thrown.getCause() instanceof Error error) {
      return error;
    }
    return null;
  }

  /** An {@code OutOfMemoryError}'s hint, and the line for running out of heap prepared with it. */
  private record OutOfMemory(String hint, String prepared) {
    OutOfMemory {
      Objects.requireNonNull(hint, "hint");
      Objects.requireNonNull(prepared, "prepared");
    }

    OutOfMemory(String hint) {
      this(hint, "fatal error: java.lang.OutOfMemoryError: Java heap space" + Objects.requireNonNull(hint, "outOfMemoryHint"));
    }
  }
}
