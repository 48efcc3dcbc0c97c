package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The parts of a run's end that tests replace ({@link CrawlRun}'s constructor): how the {@code
 * --stats} file is written, and how long after {@code --grace} a run that ran out of heap may take
 * to end before its {@link OutOfMemoryBackstop} halts it. Immutable; neither part is null.
 */
record RunEnding(StatsWriter stats, Duration afterGrace) {
  /** The real run's: {@link StatsReport#writeTo(Path, boolean)} and {@link OutOfMemoryBackstop#AFTER_GRACE}. */
  static final RunEnding REAL = new RunEnding(StatsReport::writeTo, OutOfMemoryBackstop.AFTER_GRACE);

  RunEnding {
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(afterGrace, "afterGrace");
    if (afterGrace.isNegative()) throw new IllegalArgumentException("afterGrace must be >= 0, was " + afterGrace);
  }

  /** Writes a stats report to a file, or appends it to a stream ({@link StatsReport#writeTo(Path, boolean)}). */
  @FunctionalInterface
  interface StatsWriter {
    void write(StatsReport report, Path file, boolean stream) throws IOException;
  }
}
