package io.crawlpipe.crawler;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations in messages, in the units the options take: {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 2d}. */
public final class DurationText {
  private DurationText() {}

  /** The shortest of those forms that says {@code d} to the millisecond. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) return ms / 86_400_000 + "d";
    if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
    if (ms % 1000 == 0) return ms / 1000 + "s";
    if (ms < 1000) return ms + "ms";
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
