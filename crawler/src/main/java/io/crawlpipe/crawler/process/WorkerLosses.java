package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link WorkerPool} does when one of its workers is gone ({@link #goneLocked}): out of the
 * {@link WorkerRoster}, its URLs back to the {@link JobRouter} (or failed), a start that failed
 * told to whoever waits for it, the loss counted and logged, and the replacement started.
 *
 * <p>Not thread-safe on its own: each call runs under the pool's lock, which guards the roster,
 * router, counters and starter it is given (the pool's own, which it does not own) and the gone
 * worker's fields; what the loss leads to goes on the caller's {@code after} list, run once the
 * lock is released. Logs on {@link WorkerPool}'s logger: its lines are the pool's.
 */
final class WorkerLosses {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final WorkerRoster roster;
  private final JobRouter router;
  private final PoolCounters counters;
  private final WorkerStarter starter;

  /** The pool's parts that a loss changes, all guarded by the pool's lock; none may be null. */
  WorkerLosses(WorkerRoster roster, JobRouter router, PoolCounters counters, WorkerStarter starter) {
    this.roster = Objects.requireNonNull(roster, "roster");
    this.router = Objects.requireNonNull(router, "router");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /**
   * Under the pool's lock: {@code w} is gone, having ended as {@code exit} (its kill reason, if the
   * pool killed it, says why instead). The caller then dispatches, as after any change.
   */
  void goneLocked(WorkerProcess w, String exit, List<Runnable> after) {
    State was = roster.remove(w);
    String reason = w.killReason != null ? w.killReason : w + " " + exit;
    if (was == State.STARTING) {
      String why = w.killReason != null ? reason : reason + " before its hello"
          + (w.firstWords() != null ? ": " + w.firstWords() : "");
      after.add(() -> w.ready.completeExceptionally(new WorkerStartException(why)));
      roster.startFailed(why);
      reason = why;  // its first words say why the pool broke, if it did
    }
    int held = w.inFlight.size();
    PoolJob blamed = router.requeue(w, reason, roster.closed(), after);
    if (was != State.STARTING && !roster.closed() && !(was == State.RETIRING && held == 0)) {
      counters.crashed++;
      logLost(reason, held, blamed, router.stopped());
    }
    if (!router.stopped()) {  // after a stop nothing needs a worker: none is started, so none failed to
      starter.replaceLocked(after);  // a retiring worker's exit may let a replacement start that waited for room
      starter.checkBrokenLocked(reason, after);
    }
    if (was == State.STARTING) logStartFailed(reason);
  }

  /**
   * Under the lock: logs a worker gone before its hello while the pool runs, saying what the crawl
   * goes on with (other workers only when one is starting or ready: retiring ones take no new
   * URLs); nothing when the pool is closed or just broke (its ERROR line names {@code why}).
   */
  private void logStartFailed(String why) {
    if (!roster.isRunning() || roster.refusal() != null) return;
    String next = roster.launchPending() ? ": starting another" : "";
    String shown = LogText.printable(why);  // a worker's first words are its stderr's, as written
    if (roster.anyJoinedServing()) log.warn("{}; the crawl goes on with the other workers", shown);
    else if (roster.live().isEmpty()) log.warn("{}; no other worker is running{}", shown, next);
    else log.warn("{}; the other workers are retiring and take no new URLs{}", shown, next);
  }

  /** Logs a lost worker: what became of the {@code held} URLs it held, and whom it blamed. */
  private static void logLost(String reason, int held, PoolJob blamed, boolean stopped) {
    String fate = stopped ? "cancelled (the run is stopping)" : "sent again";
    if (blamed != null && blamed.crashes >= JobRouter.MAX_CRASHES) {
      log.warn("{}; URLs it held: {}, {} {}; blamed on {} ({} of {}), which failed as worker_crashed", reason, held,
          held == 1 ? "none" : held - 1, fate, blamed.url(), blamed.crashes, JobRouter.MAX_CRASHES);
    } else if (stopped || blamed == null) {
      log.warn("{}; URLs it held: {}, {}{}", reason, held, fate, stopped ? "" : "; blamed on none of them");
    } else {
      log.warn("{}; URLs it held: {}, sent again; blamed on {} ({} of {})", reason, held, blamed.url(), blamed.crashes,
          JobRouter.MAX_CRASHES);
    }
  }
}
