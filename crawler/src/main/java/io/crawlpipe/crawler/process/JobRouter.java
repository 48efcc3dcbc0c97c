package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The pool's URL bookkeeping: URLs waiting for a ready worker, which worker holds which URL, the
 * answer deadline of each, re-dispatch after a worker died, and the counters. Not thread-safe:
 * every method is called with the pool's lock held and defers its effects (writing to a pipe,
 * completing a future) to {@code after}.
 */
final class JobRouter {
  /** The first worker plus two re-dispatches after crashes. */
  static final int MAX_DISPATCHES = 3;

  /** Starts the answer deadline of {@code job}, just sent to {@code worker} for the {@code attempt}-th time. */
  @FunctionalInterface
  interface AnswerWatch {
    ScheduledFuture<?> watch(WorkerProcess worker, PoolJob job, int attempt);
  }

  private final Deque<PoolJob> pending = new ArrayDeque<>();
  private final int maxTasksPerWorker;
  private final AnswerWatch watch;
  private final PoolCounters counters;
  private String stopMessage; // set by stop: nothing is sent after it

  /** {@code counters} are the pool's, shared with its watchdog. */
  JobRouter(int maxTasksPerWorker, PoolCounters counters, AnswerWatch watch) {
    this.maxTasksPerWorker = maxTasksPerWorker;
    this.counters = counters;
    this.watch = watch;
  }

  /** True after {@link #stop}: nothing is sent any more, so no worker needs replacing. */
  boolean stopped() {
    return stopMessage != null;
  }

  /** Queues {@code job}, or after {@link #stop} cancels it. */
  void add(PoolJob job, List<Runnable> after) {
    if (stopMessage != null) after.add(() -> job.cancel(stopMessage));
    else pending.addLast(job);
  }

  /**
   * A graceful stop: every waiting URL, and any added or taken back from a lost worker later, is
   * cancelled with {@code message} instead of being sent; URLs a worker holds are left to it.
   */
  void stop(String message, List<Runnable> after) {
    stopMessage = message;
    for (PoolJob job : pending) after.add(() -> job.cancel(message));
    pending.clear();
  }

  /**
   * Sends waiting URLs, oldest first, each to the ready worker holding the fewest (the earliest
   * started on a tie). Returns how many workers reached the task limit and are now RETIRING.
   */
  int dispatch(List<WorkerProcess> live, List<Runnable> after) {
    int retired = 0;
    while (!pending.isEmpty()) {
      WorkerProcess w = live.stream().filter(x -> x.state == State.READY && x.killReason == null)
          .min(Comparator.comparingInt(x -> x.inFlight.size())).orElse(null);
      if (w == null) break;
      PoolJob job = pending.poll();
      int attempt = ++job.dispatches;
      if (attempt > 1) counters.redispatched++;
      w.inFlight.put(job.id(), job);
      job.deadline = watch.watch(w, job, attempt);
      after.add(() -> w.send(new ParentMessage.Fetch(job.id(), job.url())));
      if (++w.assigned == maxTasksPerWorker) {
        w.state = State.RETIRING;
        counters.recycled++;
        retired++;
      }
    }
    return retired;
  }

  /** Hands the answer to job {@code id} to {@code complete}; a retiring worker that holds nothing more is told to exit. */
  void answered(WorkerProcess w, long id, Consumer<PoolJob> complete, List<Runnable> after) {
    PoolJob job = w.inFlight.remove(id);
    if (job == null) return;  // a late answer from a worker already given up on
    job.cancelDeadline();
    after.add(() -> complete.accept(job));
    if (w.state == State.RETIRING && w.inFlight.isEmpty()) after.add(w::closeStdin);
  }

  /**
   * Takes the URLs of a worker that is gone: they wait for another worker, first in line, unless
   * they have been sent to {@value #MAX_DISPATCHES} workers already or the pool is closing; then
   * they fail with {@code worker_crashed}.
   */
  void requeue(WorkerProcess w, String reason, boolean closing, List<Runnable> after) {
    for (PoolJob job : w.inFlight.values()) {
      job.cancelDeadline();
      if (closing) {
        after.add(() -> job.fail("the crawl ended while " + w + " was fetching it"));
      } else if (job.dispatches >= MAX_DISPATCHES) {
        after.add(() -> job.fail(MAX_DISPATCHES + " worker processes died while fetching it; the last: " + reason));
      } else if (stopMessage != null) {
        after.add(() -> job.cancel(stopMessage + " again (" + w + " died while fetching it)"));
      } else {
        pending.addFirst(job);
      }
    }
    w.inFlight.clear();
  }

  /** Fails every waiting URL with {@code message}. */
  void failPending(String message, List<Runnable> after) {
    for (PoolJob job : pending) after.add(() -> job.fail(message));
    pending.clear();
  }
}
