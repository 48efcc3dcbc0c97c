package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.DurationText;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.RequestHeader;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Checks the numeric and duration options of {@code crawl} before the configuration records are
 * built, so a bad value is reported under the option's name as typed and in the duration form the
 * user typed ({@code invalid option --max-bytes: must be >= 1, was 0}). The records still validate
 * their own fields as the last line of defence. Stateless.
 */
final class OptionChecks {
  private OptionChecks() {}

  /** A bad option value; the message is the whole line after {@code crawl: }. */
  static final class BadOption extends IllegalArgumentException {
    BadOption(String option, String problem) {
      super("invalid option " + option + ": " + problem);
    }
  }

  /**
   * Checks every numeric and duration option of {@code c}, its unattended options included.
   *
   * @throws BadOption naming the first bad option
   */
  static void check(CrawlCommand c) {
    if (c.concurrency != null) atLeast("--concurrency", c.concurrency, 1);
    positive("--timeout", c.timeout);
    between("--max-bytes", c.maxBytes, 1, FetchSettings.MAX_BODY_BYTES, OptionChecks::size);
    atLeast("--max-redirects", c.maxRedirects, 0);
    if (c.userAgent.isBlank()) throw new BadOption("--user-agent", "must not be blank");
    String problem = RequestHeader.valueProblem(c.userAgent);
    if (problem != null) throw new BadOption("--user-agent", problem);
    if (c.workerOptions.workers < 1 || c.workerOptions.workers > ProcessPoolSettings.MAX_WORKERS) {
      throw new BadOption("--workers", "must be 1.." + ProcessPoolSettings.MAX_WORKERS + ", was " + c.workerOptions.workers);
    }
    checkWorkerHeap(c.workerOptions.workerHeap);
    atLeast("--max-tasks-per-worker", c.workerOptions.maxTasksPerWorker, 0);
    atLeast("--retries", c.politeness.retries, 0);
    notNegative("--retry-backoff", c.politeness.backoff());
    if (c.politeness.maxWait().compareTo(c.politeness.backoff()) < 0) { // both given: either default yields
      throw new BadOption("--max-retry-wait", "must be >= --retry-backoff (" + DurationText.format(c.politeness.backoff())
          + "), was " + DurationText.format(c.politeness.maxWait()));
    }
    atLeast("--per-host", c.politeness.perHost, 1);
    notNegative("--delay", c.politeness.delay);
    between("--breaker-failures", c.politeness.breakerFailures, 0, BreakerSettings.MAX_FAILURES, String::valueOf);
    positive("--breaker-cooldown", c.politeness.breakerCooldown);
    notNegative("--grace", c.unattended.grace);
    if (c.unattended.maxTime != null) positive("--max-time", c.unattended.maxTime);
  }

  /** 16m..4096g; a heap under 1m was surely meant in megabytes, so the line says a bare number is bytes. */
  private static void checkWorkerHeap(long heap) {
    if (heap > ProcessPoolSettings.MAX_WORKER_HEAP) {
      throw new BadOption("--worker-heap", "must be at most " + size(ProcessPoolSettings.MAX_WORKER_HEAP) + ", was " + size(heap));
    }
    if (heap >= ProcessPoolSettings.MIN_WORKER_HEAP) return;
    String was = heap >= 1L << 20 ? size(heap)
        : heap + " (bytes: a size without a unit is in bytes" + (heap >= 16 ? "; " + heap + "m?)" : ")");
    throw new BadOption("--worker-heap", "must be >= " + size(ProcessPoolSettings.MIN_WORKER_HEAP) + ", was " + was);
  }

  /** {@code shown} writes the maximum and the value as the option takes them (a size as {@code 2g}). */
  private static void between(String option, long value, long min, long max, LongFunction<String> shown) {
    atLeast(option, value, min);
    if (value > max) throw new BadOption(option, "must be at most " + shown.apply(max) + ", was " + shown.apply(value));
  }

  private static void atLeast(String option, long value, long min) {
    if (value < min) throw new BadOption(option, "must be >= " + min + ", was " + value);
  }

  private static void notNegative(String option, Duration value) {
    if (value.isNegative()) throw new BadOption(option, "must be >= 0, was " + DurationText.format(value));
  }

  private static void positive(String option, Duration value) {
    if (!value.isPositive()) throw new BadOption(option, "must be > 0, was " + DurationText.format(value));
  }

  /** {@code 2g}, {@code 16m}, {@code 512k} or a number of bytes, as {@link ByteSizes} reads them. */
  static String size(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) return (bytes >> 30) + "g";
    if (bytes != 0 && bytes % (1L << 20) == 0) return (bytes >> 20) + "m";
    if (bytes != 0 && bytes % (1L << 10) == 0) return (bytes >> 10) + "k";
    return Long.toString(bytes);
  }
}
