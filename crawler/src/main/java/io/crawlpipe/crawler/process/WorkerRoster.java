package io.crawlpipe.crawler.process;

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
  private int nextId = 1;
  private int launching;
  private int startFailures;
  private boolean running;
  private boolean closed;
  private String broken;

  WorkerRoster(Condition launchesDone) {
    this.launchesDone = Objects.requireNonNull(launchesDone, "launchesDone");
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

  /** Counts a launch about to begin. */
  void launchBegun() {
    launching++;
  }

  /** Counts a launch that ended, whether the worker started or not, and wakes {@link #close}. */
  void launchEnded() {
    launching--;
    launchesDone.signalAll();
  }

  /**
   * Counts a replacement launch about to begin and returns true, or returns false when the pool is
   * not to grow: not running yet, closed, or {@value #MAX_START_FAILURES} workers in a row failed to start.
   */
  boolean beginReplacement() {
    if (!running || closed || startFailures >= MAX_START_FAILURES) return false;
    launching++;
    return true;
  }

  /** A worker could not be launched or exited before its hello. */
  void startFailed() {
    startFailures++;
  }

  /** A worker said hello: the failures in a row start again from zero. */
  void started() {
    startFailures = 0;
  }

  /** Adds a worker just launched and returns true, or returns false when the pool closed meanwhile. */
  boolean admit(WorkerProcess w) {
    if (closed) return false;
    live.add(w);
    return true;
  }

  /** Removes a worker that is gone. */
  void remove(WorkerProcess w) {
    live.remove(w);
  }

  /**
   * Marks the pool broken for {@code reason} when it is running, not closed, and no worker is live
   * or being launched; returns true only the first time, when the pool just broke.
   */
  boolean breakIfEmpty(String reason) {
    if (!running || closed || !live.isEmpty() || launching > 0 || broken != null) return false;
    broken = reason;
    return true;
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
