package io.crawlpipe.crawler.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * The unattended-run settings of one run (see {@link UnattendedOptions}), file names still with
 * their placeholders. Immutable. Nullable: {@code lock}, {@code maxTime}, {@code log}, {@code stats}.
 */
record RunSettings(boolean append, boolean resume, String lock, Duration grace, Duration maxTime,
    FailOn failOn, String log, String stats) {
  RunSettings {
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(failOn, "failOn");
    if (grace.isNegative()) throw new IllegalArgumentException("--grace must be >= 0, was " + grace);
    if (maxTime != null && (maxTime.isNegative() || maxTime.isZero())) {
      throw new IllegalArgumentException("--max-time must be > 0, was " + maxTime);
    }
  }
}
