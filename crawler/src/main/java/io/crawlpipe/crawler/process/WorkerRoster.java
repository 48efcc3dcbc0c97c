package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;

/**
 * The {@link WorkerPool}'s workers and whether it may start more: the live ones (starting, ready
 * or retiring, oldest first), the launches under way, the workers in a row that failed to start,
 * and whether the pool is running (past its first start), closed, or broken (no worker left and
 * none could start). It keeps the counts and answers the pool's questions; the pool acts.
 *
 * <p>It bounds the worker JVMs alive: at most {@code workers} serving (launched, starting or
 * ready) and at most {@code 2 × workers} in all, retiring ones still draining their URLs included.
 * So a worker retired by {@code --max-tasks-per-worker} is replaced at once only while fewer than
 * {@code 2 × workers} are alive; otherwise its replacement starts when a retiring worker exits.
 *
 * <p>Not thread-safe: guarded by the pool's lock, which every method must be called with;
 * {@code launchesDone} is a condition of that lock. Holds the workers but does not own their
 * processes: the pool starts and stops them.
 */
final class WorkerRoster {
  /** Replacements stop after this many workers in a row failed to start. */
  static final int MAX_START_FAILURES = 3;

  private final List<WorkerProcess> live = new ArrayList<>();
  private final List<WorkerProcess> liveView = Collections.unmodifiableList(live);
  private final Condition launchesDone;
  private final int workers;
  private int nextId = 1;
  private int launching;
  private int unadmitted;  // launches begun whose worker is not in live yet
  private int retiring;  // live workers RETIRING, so that serving is counted without a walk
  private int startFailures;
  private String lastStartFailure;
  private boolean running;
  private boolean closed;
  private String broken;

  /** {@code workers}: the workers serving at once, at least 1 ({@code 2 × workers} alive at most). */
  WorkerRoster(Condition launchesDone, int workers) {
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    this.launchesDone = Objects.requireNonNull(launchesDone, "launchesDone");
    this.workers = workers;
  }

  /** The live workers, oldest first: a read-only view, to be read under the lock. */
  List<WorkerProcess> live() {
    return liveView;
  }

  /** The id for the next worker launched: 1, 2, 3, ... */
  int nextId() {
    return nextId++;
  }

  boolean closed() {
    return closed;
  }

  /** Why a URL submitted now cannot be taken (the pool is closed or broken), or null when it can. */
  String refusal() {
    if (closed) return "the worker pool is closed";
    return broken == null ? null : "no worker process is running: " + broken;
  }

  /** True once {@link #running()} was called. */
  boolean isRunning() {
    return running;
  }

  /** The first workers said hello: from now on a worker that is gone is replaced. */
  void running() {
    running = true;
  }

  /** True while a launch is under way whose worker has not joined the live ones yet. */
  boolean launchPending() {
    return unadmitted > 0;
  }

  /** Counts a launch about to begin. */
  void launchBegun() {
    launching++;
    unadmitted++;
  }

  /** A launch that began could not start its process ({@code why}): counts it ended and failed. */
  void launchFailed(String why) {
    unadmitted--;
    launchEnded();
    startFailed(why);
  }

  /** Counts a launch that ended, whether the worker started or not, and wakes {@link #close}. */
  void launchEnded() {
    launching--;
    launchesDone.signalAll();
  }

  /**
   * Counts a replacement launch about to begin and returns true, or returns false when the pool is
   * not to grow: not running yet, closed, {@value #MAX_START_FAILURES} workers in a row failed to
   * start, {@code workers} are serving (launched, starting or ready), or {@code 2 × workers} are alive.
   */
  boolean beginReplacement() {
    if (!running || closed || startFailures >= MAX_START_FAILURES) return false;
    if (serving() >= workers || unadmitted + live.size() >= 2 * workers) return false;
    launchBegun();
    return true;
  }

  /** The workers serving: launched (not joined yet), starting or ready; not the retiring ones. */
  int serving() {
    return unadmitted + live.size() - retiring;
  }

  /** True when a live worker is starting or ready, so takes URLs now or soon (a retiring one does not). */
  boolean anyJoinedServing() {
    return live.size() > retiring;
  }

  /** Counts {@code count} ready workers that just became RETIRING (they reached the task limit). */
  void retired(int count) {
    retiring += count;
  }

  /** A worker could not be launched or exited before its hello, for {@code why} (not null). */
  void startFailed(String why) {
    startFailures++;
    lastStartFailure = Objects.requireNonNull(why, "why");
  }

  /** A worker said hello: the failures in a row start again from zero. */
  void started() {
    startFailures = 0;
  }

  /** Adds a worker just launched and returns true, or returns false when the pool closed meanwhile. */
  boolean admit(WorkerProcess w) {
    unadmitted--;
    if (closed) return false;
    live.add(w);
    return true;
  }

  /** Removes a worker that is gone and marks it {@code GONE}; returns the state it was in. */
  State remove(WorkerProcess w) {
    State was = w.state;
    w.state = State.GONE;
    if (live.remove(w) && was == State.RETIRING) retiring--;
    return was;
  }

  /**
   * Marks the pool broken when it is running, not closed, and no worker is live or about to be (a
   * launch whose worker has not joined yet); returns true only the first time, when the pool just
   * broke. The reason ({@link #broken}) is the last start failure's once {@value
   * #MAX_START_FAILURES} workers in a row failed to start (the last worker to exit may have been a
   * retiring one that exited cleanly since), else {@code reason}. A worker that joined is live
   * until it is gone, even while its launch is still ending: its exit must be able to break the pool.
   */
  boolean breakIfEmpty(String reason) {
    if (!running || closed || !live.isEmpty() || unadmitted > 0 || broken != null) return false;
    broken = startFailures >= MAX_START_FAILURES ? lastStartFailure : Objects.requireNonNull(reason, "reason");
    return true;
  }

  /** Why the pool is broken (see {@link #breakIfEmpty}), or null while it is not. */
  String broken() {
    return broken;
  }

  /**
   * Closes the pool and waits, releasing the lock meanwhile, until no launch is under way; returns
   * false, without waiting, when it was closed already.
   */
  boolean close() {
    if (closed) return false;
    closed = true;
    while (launching > 0) launchesDone.awaitUninterruptibly();
    return true;
  }
}
