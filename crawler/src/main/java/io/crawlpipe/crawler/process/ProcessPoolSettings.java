package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.SettingDurations;
import io.crawlpipe.crawler.fetch.IdleConnections;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code --mode processes} runs its worker JVMs: how many ({@code workers}), the heap of each
 * ({@code workerHeap} bytes, passed as {@code -Xmx}), after how many URLs a worker is replaced
 * ({@code maxTasksPerWorker}, 0 = never), how long past the per-URL timeout a worker may stay
 * silent about a URL before it is killed ({@code answerGrace}), how long a new worker may take to
 * say hello ({@code startTimeout}), further JVM options for the workers, and whether each worker
 * sets up TLS while it starts ({@code warmTls}: false when the list has no {@code https} URL, as
 * far as the CLI could tell; either way a worker that meets one sets it up then). Immutable;
 * validated on construction: {@code workerHeap} is {@value #MIN_WORKER_HEAP}..{@value #MAX_WORKER_HEAP}
 * bytes, the two durations are at most {@link SettingDurations#MAX} (366 days).
 */
public record ProcessPoolSettings(int workers, long workerHeap, int maxTasksPerWorker,
    Duration answerGrace, Duration startTimeout, List<String> jvmOptions, boolean warmTls) {
  /** One worker per core. */
  public static final int DEFAULT_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
  public static final long DEFAULT_WORKER_HEAP = 128L << 20;
  public static final long MIN_WORKER_HEAP = 16L << 20;
  /** 4096g, as the launcher caps {@code CRAWLPIPE_HEAP}: past some tens of terabytes java cannot reserve the heap. */
  public static final long MAX_WORKER_HEAP = 4096L << 30;
  public static final int MAX_WORKERS = 256;
  public static final Duration DEFAULT_ANSWER_GRACE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The serial collector suits a small heap in a process that mostly waits on sockets; with the C1
   * compiler alone, workers spend far less CPU compiling the same code as their parent (measured in
   * docs/PROCESSES.md).
   */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** As the canonical constructor, the workers warming up TLS. */
  public ProcessPoolSettings(int workers, long workerHeap, int maxTasksPerWorker, Duration answerGrace,
      Duration startTimeout, List<String> jvmOptions) {
    this(workers, workerHeap, maxTasksPerWorker, answerGrace, startTimeout, jvmOptions, true);
  }

  public ProcessPoolSettings {
    Objects.requireNonNull(answerGrace, "answerGrace");
    Objects.requireNonNull(startTimeout, "startTimeout");
    jvmOptions = List.copyOf(jvmOptions);
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ", was " + workers);
    }
    if (workerHeap < MIN_WORKER_HEAP || workerHeap > MAX_WORKER_HEAP) {
      throw new IllegalArgumentException("worker heap must be 16m..4096g, was " + workerHeap + " bytes");
    }
    if (maxTasksPerWorker < 0) {
      throw new IllegalArgumentException("max tasks per worker must be >= 0, was " + maxTasksPerWorker);
    }
    if (answerGrace.isNegative()) throw new IllegalArgumentException("answerGrace must be >= 0, was " + answerGrace);
    if (!startTimeout.isPositive()) throw new IllegalArgumentException("startTimeout must be > 0, was " + startTimeout);
    SettingDurations.atMostMax("answerGrace", answerGrace);
    SettingDurations.atMostMax("startTimeout", startTimeout);
  }

  /** The defaults: a worker per core, 128 MiB each, never recycled. */
  public static ProcessPoolSettings defaults() {
    return of(DEFAULT_WORKERS, DEFAULT_WORKER_HEAP, 0);
  }

  /** The three settings the command line offers, the rest at their defaults. */
  public static ProcessPoolSettings of(int workers, long workerHeap, int maxTasksPerWorker) {
    return new ProcessPoolSettings(workers, workerHeap, maxTasksPerWorker, DEFAULT_ANSWER_GRACE,
        DEFAULT_START_TIMEOUT, DEFAULT_JVM_OPTIONS);
  }

  /** These settings with {@code warmTls} as given. */
  public ProcessPoolSettings withWarmTls(boolean warmTls) {
    return new ProcessPoolSettings(workers, workerHeap, maxTasksPerWorker, answerGrace, startTimeout, jvmOptions, warmTls);
  }

  /**
   * These settings with at most {@code concurrency} workers: a worker holds at least one URL in
   * flight, so with more workers than URLs in flight the others would never get one.
   *
   * @throws IllegalArgumentException if {@code concurrency} < 1
   */
  public ProcessPoolSettings forConcurrency(int concurrency) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    if (workers <= concurrency) return this;
    return new ProcessPoolSettings(concurrency, workerHeap, maxTasksPerWorker, answerGrace, startTimeout, jvmOptions, warmTls);
  }

  /** URLs each worker is sent at most when {@code concurrency} are in flight in all: its share, rounded up. */
  public int concurrencyPerWorker(int concurrency) {
    return Math.max(1, (concurrency + workers - 1) / workers);
  }

  /**
   * Idle connections each worker's HTTP client keeps when {@code concurrency} are in flight in
   * all: as many as one client of the whole run would ({@link IdleConnections#max}), not as many
   * as its share would. URLs go to whichever worker is free, whatever their host, so with many
   * hosts every worker sees every host; a pool sized for its share closed each connection before
   * its host came again. Each worker is a process of its own, with its own file descriptor limit.
   */
  public int idleConnectionsPerWorker(int concurrency) {
    return IdleConnections.max(concurrency);
  }
}
