package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.fetch.FetchSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the {@link WorkerPool}'s worker processes: the first ones when the pool starts, then
 * replacements for the workers lost or retired while the pool runs, as many as the {@link
 * WorkerRoster} allows (so at most {@code 2 × workers} alive), and marks the pool broken when no
 * worker is left and none could be started.
 *
 * <p>Thread-safe. It shares the pool's lock and the state that lock guards (the roster, the
 * counters, the router, the watchdog): the methods named {@code ...Locked} must be called with the
 * lock held and defer what follows to {@code after}; the others take the lock themselves and must
 * be called without it. A worker it starts joins the roster and reports to the pool's {@link
 * WorkerEvents}; the pool, not the starter, stops it. No argument or result is null.
 */
final class WorkerStarter {
  // Its lines are the pool's, under the pool's name as they always were.
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final ProcessPoolSettings settings;
  private final FetchSettings fetch;
  private final int perWorker;
  private final int idleConnections;
  private final WorkerLauncher launcher;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final DeferringLock lock;
  private final WorkerEvents events;
  // Guarded by lock:
  private final WorkerRoster roster;
  private final PoolCounters counters;
  private final WorkerWatchdog watchdog;
  private final JobRouter router;

  /**
   * {@code perWorker}: the URLs one worker holds at most, and {@code idleConnections}: the idle
   * connections its client keeps (both told in its hello); {@code events}: where every worker
   * started reports, the pool. The others are the pool's, shared with it.
   */
  WorkerStarter(ProcessPoolSettings settings, FetchSettings fetch, int perWorker, int idleConnections,
      WorkerLauncher launcher, DeferringLock lock, WorkerRoster roster, PoolCounters counters, WorkerWatchdog watchdog,
      JobRouter router, WorkerEvents events) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.perWorker = perWorker;
    this.idleConnections = idleConnections;
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.lock = Objects.requireNonNull(lock, "lock");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    this.router = Objects.requireNonNull(router, "router");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Does {@link WorkerPool#start}: launches the workers, waits for the first hello, then lets replacements start. */
  void startFirst(CompletableFuture<String> stopped) {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (int i = 0; i < settings.workers() && !stopped.isDone(); i++) {
      lock.run(after -> roster.launchBegun());
      ready.add(launch());
    }
    StartBarrier.awaitFirst(ready, stopped, settings.startTimeout().plusSeconds(WorkerPool.EXIT_WAIT_SECONDS));
    lock.run(after -> {
      roster.running();  // from now on a worker that is gone, or late for its hello, is replaced
      replaceLocked(after);
    });
  }

  /**
   * Under the lock: launches, after the lock is released, as many replacements as the roster lets
   * grow the pool (workers lost, retired or that failed to start); none after a stop, when nothing
   * needs a worker.
   */
  void replaceLocked(List<Runnable> after) {
    if (router.stopped()) return;
    while (roster.beginReplacement()) after.add(this::launch);
  }

  /**
   * Under the lock: if no worker is left and none is starting, the pool is broken and every
   * waiting URL fails, for {@code reason} or, after too many failed starts, the last one's ({@link
   * WorkerRoster#breakIfEmpty}).
   */
  void checkBrokenLocked(String reason, List<Runnable> after) {
    if (!roster.breakIfEmpty(reason)) return;
    log.error("no worker process is running and none could be started: {}", LogText.printable(roster.broken()));
    router.failPending("no worker process is running: " + roster.broken(), after);
  }

  /** Starts one worker, already counted as a launch under way; the future completes at its hello. */
  private CompletableFuture<Void> launch() {
    int id = lock.get(roster::nextId);
    Process process;
    try {
      process = launcher.launch(id);
    } catch (IOException | RuntimeException e) {
      String reason = "cannot start worker " + id + ": " + e.getMessage();
      lock.run(after -> {
        roster.launchFailed(reason);
        replaceLocked(after);
        checkBrokenLocked(reason, after);
      });
      return CompletableFuture.failedFuture(new WorkerStartException(reason, e));
    }
    WorkerProcess w = new WorkerProcess(id, process, codec, fetch.maxBytes(), settings.workerHeap());
    boolean kept;
    try {
      kept = lock.get(() -> {
        if (!roster.admit(w)) return false;
        counters.started++;
        watchdog.watchStart(w);
        return true;
      });
      if (kept) w.start(ParentMessage.Hello.of(id, perWorker, idleConnections, fetch), events);
      else w.awaitExit(Duration.ZERO);
    } catch (RuntimeException | Error e) {
      w.kill();  // a bug: never leave a process behind
      throw e;
    } finally {
      lock.run(after -> roster.launchEnded());  // always: close() waits for the launches under way
    }
    return kept ? w.ready : CompletableFuture.failedFuture(new WorkerStartException("the worker pool closed while starting " + w));
  }
}
