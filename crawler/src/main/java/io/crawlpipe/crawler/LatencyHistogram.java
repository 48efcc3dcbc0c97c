package io.crawlpipe.crawler;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latency percentiles in fixed memory (about 40 KB whatever the list length): exact buckets of
 * one millisecond below one second, then buckets 1% wide. A percentile is reported as its bucket's
 * lower bound, so it is exact below one second and at most 1% low above. Thread-safe.
 */
final class LatencyHistogram {
  private static final int EXACT = 1000;
  private static final double STEP = Math.log(1.01);
  private static final int BUCKETS = EXACT + (int) Math.ceil(Math.log((double) Long.MAX_VALUE / EXACT) / STEP) + 1;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long millis) {
    counts.incrementAndGet(bucket(Math.max(0, millis)));
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds, or 0 when nothing was recorded. */
  long percentile(double p) {
    if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("p must be in (0, 100], was " + p);
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) total += counts.get(i);
    if (total == 0) return 0;
    long rank = (long) Math.ceil(p / 100 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) return lowerBound(i);
    }
    return lowerBound(BUCKETS - 1);
  }

  private static int bucket(long millis) {
    if (millis < EXACT) return (int) millis;
    return Math.min(BUCKETS - 1, EXACT + (int) (Math.log((double) millis / EXACT) / STEP));
  }

  private static long lowerBound(int bucket) {
    if (bucket < EXACT) return bucket;
    return (long) Math.ceil(EXACT * Math.exp((bucket - EXACT) * STEP));
  }
}
