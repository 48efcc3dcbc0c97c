package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the workers that keep the {@link WorkerPool} waiting: one that has not said hello within
 * the start timeout, and one silent about a URL past the answer deadline (the per-URL timeout plus
 * the grace), counted as {@code unresponsive}. The reason goes into the worker's
 * {@code killReason}; its reader then reports it gone and the pool treats it as any lost worker.
 *
 * <p>Thread-safe. The deadlines run on one daemon timer thread ({@code worker-deadlines}); each
 * check takes the pool's {@code lock} to read and mark the worker (the {@link WorkerProcess} and
 * {@link PoolJob} fields and {@code counters} it touches are guarded by that lock) and kills the
 * worker after releasing it. The pool owns the watchdog and closes it. A check that runs over
 * {@link #LATE_NANOS} late (this JVM was suspended) waits as long again instead of killing.
 */
final class WorkerWatchdog implements JobRouter.AnswerWatch {
  private static final Logger log = LoggerFactory.getLogger(WorkerWatchdog.class);
  /**
   * A check that runs this much after its time means this JVM was not running (suspended with
   * SIGSTOP or Ctrl-Z, a laptop asleep): the worker's answers may be waiting unread in its pipe, so
   * the check waits as long again instead of killing the worker.
   */
  static final long LATE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final DeferringLock lock;
  private final LongSupplier nanoTime;
  private final PoolCounters counters;
  private final Duration startTimeout;
  private final Duration answerDeadline;
  private final ScheduledThreadPoolExecutor timer;

  /** {@code nanoTime}: the monotonic clock the checks' lateness is measured on ({@code System::nanoTime}). */
  WorkerWatchdog(DeferringLock lock, PoolCounters counters, Duration startTimeout, Duration answerDeadline,
      LongSupplier nanoTime) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    this.answerDeadline = Objects.requireNonNull(answerDeadline, "answerDeadline");
    this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("worker-deadlines").factory());
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Kills {@code w} unless it said hello within the start timeout from now. */
  void watchStart(WorkerProcess w) {
    watchStart(w, startTimeout.toNanos());
  }

  private void watchStart(WorkerProcess w, long delayNanos) {
    long due = nanoTime.getAsLong() + delayNanos;
    timer.schedule(() -> checkStarted(w, due), delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Kills {@code worker} unless it answered {@code job} (its {@code attempt}-th dispatch) within the answer deadline from now. */
  @Override
  public ScheduledFuture<?> watch(WorkerProcess worker, PoolJob job, int attempt) {
    return watch(worker, job, attempt, answerDeadline.toNanos());
  }

  private ScheduledFuture<?> watch(WorkerProcess worker, PoolJob job, int attempt, long delayNanos) {
    long due = nanoTime.getAsLong() + delayNanos;
    return timer.schedule(() -> checkAnswer(worker, job, attempt, due), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void checkAnswer(WorkerProcess w, PoolJob job, int attempt, long due) {
    lock.run(after -> {
      if (w.state == State.GONE || w.inFlight.get(job.id()) != job || job.dispatches != attempt || w.killReason != null) return;
      long late = nanoTime.getAsLong() - due;
      if (late > LATE_NANOS) {
        log.info("the crawl was not running for {} ms (suspended?); {} gets as long again to answer {}",
            TimeUnit.NANOSECONDS.toMillis(late), w, job.url());
        job.deadline = watch(w, job, attempt, late);
        return;
      }
      w.killReason = w + " gave no answer for " + job.url() + " within " + answerDeadline.toMillis() + " ms; killed it";
      w.culprit = job;
      counters.unresponsive++;
      after.add(w::kill);
    });
  }

  private void checkStarted(WorkerProcess w, long due) {
    lock.run(after -> {
      if (w.state != State.STARTING || w.killReason != null) return;
      long late = nanoTime.getAsLong() - due;
      if (late > LATE_NANOS) {
        watchStart(w, late);
        return;
      }
      w.killReason = w + " did not say hello within " + startTimeout.toSeconds() + " s";
      after.add(w::kill);
    });
  }

  /** Drops every pending deadline and stops the timer thread. */
  void close() {
    timer.shutdownNow();
  }
}
