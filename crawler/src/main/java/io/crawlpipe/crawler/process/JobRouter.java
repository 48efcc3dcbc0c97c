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
 *
 * <p>A worker holds at most {@code perWorker} URLs (its share of {@code --concurrency}), so the
 * URLs of a lost worker wait for room or for its replacement instead of doubling a survivor's load.
 * Which URL killed a worker is known only when it was the URL the worker was silent about
 * ({@link WorkerProcess#culprit}) or the only URL it held (a lone suspect beside other URLs is not
 * blamed: any of them may have killed it); only that URL's count of crashes grows, and at {@value
 * #MAX_CRASHES} it fails with {@code worker_crashed}. When none can be blamed, every URL the worker
 * held becomes a suspect, and the suspects are sent again, first in line, in halves: a suspect
 * shares a worker with at most half as many suspects as were on the worker that died ({@link
 * PoolJob#suspectShare}), its share halved again at each death that blames none. A suspect whose
 * share is 1 goes to a worker holding no other suspect, and no URL joins it there. A page that
 * kills its worker is so alone on it after about log2(n) deaths of n URLs and is blamed, while the
 * URLs that happened to share its worker are fetched again, not blamed, and not one at a time:
 * after a worker killed from outside (the OOM killer), its n URLs go again half on each of two sends.
 * The rules themselves (whom to blame, the shares, who may join a worker) are {@link CrashBlame}'s.
 *
 * <p>A URL whose host has a delay carries a gate ({@link PoolJob#gated}): after a worker death it
 * waits for its host's turn outside the router, and comes back through {@link #readmit}.
 */
final class JobRouter {
  /** The crashes a URL may be blamed for: the third fails it. */
  static final int MAX_CRASHES = 3;

  /** Starts the answer deadline of {@code job}, just sent to {@code worker} for the {@code attempt}-th time. */
  @FunctionalInterface
  interface AnswerWatch {
    ScheduledFuture<?> watch(WorkerProcess worker, PoolJob job, int attempt);
  }

  private final Deque<PoolJob> pending = new ArrayDeque<>();
  private final Deque<PoolJob> suspects = new ArrayDeque<>();
  private final int maxTasksPerWorker;
  private final int perWorker;
  private final AnswerWatch watch;
  private final PoolCounters counters;
  private final Consumer<PoolJob> readmit;
  private String stopMessage; // set by stop: nothing is sent after it

  /**
   * {@code perWorker}: the most URLs one worker holds; {@code counters} are the pool's, shared with
   * its watchdog; {@code readmit} runs (without the lock, on any thread) when the gate of a lost
   * worker's URL lets it go, and must take the lock and hand it to {@link #readmit}.
   */
  JobRouter(int maxTasksPerWorker, int perWorker, PoolCounters counters, AnswerWatch watch, Consumer<PoolJob> readmit) {
    if (perWorker < 1) throw new IllegalArgumentException("perWorker must be >= 1, was " + perWorker);
    this.maxTasksPerWorker = maxTasksPerWorker;
    this.perWorker = perWorker;
    this.counters = counters;
    this.watch = watch;
    this.readmit = readmit;
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
   * cancelled with {@code message} instead of being sent (one taken back: {@code message} and
   * {@code " again (worker 2 (pid 4602) died while fetching it)"}); URLs a worker holds are left to it.
   */
  void stop(String message, List<Runnable> after) {
    stopMessage = message;
    failWaiting(this::cancelStopped, after);
  }

  /** Cancels {@code job} after {@link #stop}, saying so if a worker died holding it. */
  private void cancelStopped(PoolJob job) {
    if (job.dispatches == 0) job.cancel(stopMessage);
    else job.cancel(stopMessage + " again (" + (job.lostOn != null ? job.lostOn : "its worker") + " died while fetching it)");
  }

  /**
   * Sends waiting URLs, suspects first, each to the ready worker holding the fewest (the earliest
   * started on a tie) that has room, and for a suspect holds fewer suspects than its share and
   * theirs, and for another URL holds no suspect of share 1 (which is to end up alone). Returns how
   * many workers reached the task limit and are now RETIRING.
   */
  int dispatch(List<WorkerProcess> live, List<Runnable> after) {
    int retired = 0;
    for (Deque<PoolJob> queue : List.of(suspects, pending)) {
      while (!queue.isEmpty()) {
        PoolJob next = queue.peek();
        boolean suspect = queue == suspects;
        WorkerProcess w = live.stream()
            .filter(x -> x.state == State.READY && x.killReason == null && x.inFlight.size() < perWorker)
            .filter(x -> suspect ? CrashBlame.hasRoomForSuspect(x, next) : !CrashBlame.holdsLoneSuspect(x))
            .min(Comparator.comparingInt(x -> x.inFlight.size())).orElse(null);
        if (w == null) break;
        if (send(w, queue.poll(), after)) retired++;
      }
    }
    return retired;
  }

  /** Sends {@code job} to {@code w}; true when {@code w} just reached the task limit. */
  private boolean send(WorkerProcess w, PoolJob job, List<Runnable> after) {
    int attempt = ++job.dispatches;
    if (attempt > 1) counters.redispatched++;
    w.inFlight.put(job.id(), job);
    job.deadline = watch.watch(w, job, attempt);
    after.add(() -> w.send(job.message()));
    if (++w.assigned != maxTasksPerWorker) return false;
    w.state = State.RETIRING;
    counters.recycled++;
    return true;
  }

  /** Tells job {@code id}, if {@code w} holds it, that {@code w} is writing its request. */
  void started(WorkerProcess w, long id, List<Runnable> after) {
    PoolJob job = w.inFlight.get(id);
    if (job != null) after.add(job::started);
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
   * Takes the URLs of a worker that is gone and returns the one blamed for it, or null: the
   * blamed URL fails once blamed {@value #MAX_CRASHES} times, else waits again as a suspect to be
   * sent alone among suspects; when none is blamed, every URL waits again as a suspect, its share
   * halved; the others wait again, first in line. A
   * gated URL first waits for its gate, then comes back through {@link #readmit}. When the pool is
   * closing or stopped, they fail or are cancelled instead.
   */
  PoolJob requeue(WorkerProcess w, String reason, boolean closing, List<Runnable> after) {
    PoolJob blamed = CrashBlame.blame(w);
    w.inFlight.values().forEach(job -> job.lostOn = w.toString());
    if (blamed == null) CrashBlame.halveShares(w.inFlight.values());
    else blamed.suspectShare = 1;
    for (PoolJob job : w.inFlight.values()) {
      job.cancelDeadline();
      if (job == blamed) job.crashes++;
      if (closing) {
        after.add(() -> job.fail("the crawl ended while " + w + " was fetching it"));
      } else if (job.crashes >= MAX_CRASHES) {
        after.add(() -> job.fail(MAX_CRASHES + " worker processes died while fetching it; the last: " + reason));
      } else if (stopMessage != null) {
        after.add(() -> cancelStopped(job));
      } else if (job.gated()) {
        after.add(() -> job.resend(() -> readmit.accept(job)));
      } else if (job == blamed || blamed == null) {
        suspects.addLast(job);
      } else {
        pending.addFirst(job);
      }
    }
    w.inFlight.clear();
    return blamed;
  }

  /**
   * Queues again a URL of a lost worker that its gate let go: a suspect last among suspects,
   * another first in line; after {@link #stop}, cancels it.
   */
  void readmit(PoolJob job, List<Runnable> after) {
    if (stopMessage != null) after.add(() -> cancelStopped(job));
    else if (job.suspect()) suspects.addLast(job);
    else pending.addFirst(job);
  }

  /** Fails every waiting URL with {@code message}. */
  void failPending(String message, List<Runnable> after) {
    failWaiting(job -> job.fail(message), after);
  }

  private void failWaiting(Consumer<PoolJob> end, List<Runnable> after) {
    for (Deque<PoolJob> queue : List.of(suspects, pending)) {
      for (PoolJob job : queue) after.add(() -> end.accept(job));
      queue.clear();
    }
  }
}
