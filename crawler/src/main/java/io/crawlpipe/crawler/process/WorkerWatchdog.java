package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Kills the workers that keep the {@link WorkerPool} waiting: one that has not said hello within
 * the start timeout, and one silent about a URL past the answer deadline (the per-URL timeout plus
 * the grace), counted as {@code unresponsive}. The reason goes into the worker's
 * {@code killReason}; its reader then reports it gone and the pool treats it as any lost worker.
 *
 * <p>Thread-safe. The deadlines run on one daemon timer thread ({@code worker-deadlines}); each
 * check takes the pool's {@code lock} to read and mark the worker (the {@link WorkerProcess} and
 * {@link PoolJob} fields and {@code counters} it touches are guarded by that lock) and kills the
 * worker after releasing it. The pool owns the watchdog and closes it.
 */
final class WorkerWatchdog implements JobRouter.AnswerWatch {
  private final DeferringLock lock;
  private final PoolCounters counters;
  private final Duration startTimeout;
  private final Duration answerDeadline;
  private final ScheduledThreadPoolExecutor timer;

  WorkerWatchdog(DeferringLock lock, PoolCounters counters, Duration startTimeout, Duration answerDeadline) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    this.answerDeadline = Objects.requireNonNull(answerDeadline, "answerDeadline");
    this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("worker-deadlines").factory());
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Kills {@code w} unless it said hello within the start timeout from now. */
  void watchStart(WorkerProcess w) {
    timer.schedule(() -> checkStarted(w), startTimeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Kills {@code worker} unless it answered {@code job} (its {@code attempt}-th dispatch) within the answer deadline from now. */
  @Override
  public ScheduledFuture<?> watch(WorkerProcess worker, PoolJob job, int attempt) {
    return timer.schedule(() -> checkAnswer(worker, job, attempt), answerDeadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void checkAnswer(WorkerProcess w, PoolJob job, int attempt) {
    lock.run(after -> {
      if (w.state == State.GONE || w.inFlight.get(job.id()) != job || job.dispatches != attempt || w.killReason != null) return;
      w.killReason = w + " gave no answer for " + job.url() + " within " + answerDeadline.toMillis() + " ms; killed it";
      w.culprit = job;
      counters.unresponsive++;
      after.add(w::kill);
    });
  }

  private void checkStarted(WorkerProcess w) {
    lock.run(after -> {
      if (w.state != State.STARTING || w.killReason != null) return;
      w.killReason = w + " did not say hello within " + startTimeout.toSeconds() + " s";
      after.add(w::kill);
    });
  }

  /** Drops every pending deadline and stops the timer thread. */
  void close() {
    timer.shutdownNow();
  }
}
