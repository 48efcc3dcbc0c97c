package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.process.WorkerProcess.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's pool of worker processes: sends each URL to the least-loaded ready worker, hands
 * the answers back, and keeps the pool whole. A worker whose stdout ends is gone: its URLs go to
 * other workers (a URL blamed for {@value JobRouter#MAX_CRASHES} lost workers fails with {@code
 * worker_crashed}; see {@link JobRouter} for the blame; a URL whose host has a delay first waits
 * for its host's turn, see {@link io.crawlpipe.crawler.fetch.SendGate}) and a replacement starts.
 * A worker silent about a URL for the per-URL timeout plus the grace is killed, with the same
 * effect (see {@link WorkerWatchdog}). A worker
 * that reached {@code maxTasksPerWorker} URLs gets no more, and its stdin is closed once it
 * answered the URLs it holds; its replacement starts at once while fewer than twice the workers
 * are alive, else when a retiring worker exits ({@link WorkerRoster}).
 *
 * <p>Thread-safe. One lock guards the state: the {@link WorkerRoster} (which workers, whether to
 * start more), the {@link JobRouter} (which URL is where), the counters and the worker and job
 * fields marked so. What a change leads to (writing to a pipe, completing a future, starting a
 * process) runs after the lock is released, so a slow pipe or a pipeline stage never runs under it.
 * The {@link WorkerStarter} starts the workers and their replacements under the same lock, and
 * {@link WorkerLosses} handles a worker gone under it too; the pool stops them ({@link #close},
 * {@link #killAll}).
 */
final class WorkerPool implements WorkerEvents {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  /** How long {@link #close} gives the workers to exit; also the start's slack past the start timeout. */
  static final int EXIT_WAIT_SECONDS = 5;
  private static final Duration EXIT_WAIT = Duration.ofSeconds(EXIT_WAIT_SECONDS);

  private final Duration exitWait;
  private final DeferringLock lock = new DeferringLock();
  private final WorkerWatchdog watchdog;
  // Guarded by lock:
  private final PoolCounters counters = new PoolCounters();
  private final WorkerRoster roster;
  private final JobRouter router;
  private final WorkerStarter starter;
  private final WorkerLosses losses;

  WorkerPool(ProcessPoolSettings settings, FetchSettings fetch, int concurrency, WorkerLauncher launcher) {
    this(settings, fetch, concurrency, launcher, EXIT_WAIT);
  }

  /**
   * As above, {@link #close} waiting {@code exitWait} (not {@value #EXIT_WAIT_SECONDS} s) for the
   * workers to exit: for tests. Either starts at most {@code concurrency} workers, saying so in one
   * WARN line when {@code asked} wants more ({@link ProcessPoolSettings#forConcurrency}).
   */
  WorkerPool(ProcessPoolSettings asked, FetchSettings fetch, int concurrency, WorkerLauncher launcher,
      Duration exitWait) {
    this.exitWait = Objects.requireNonNull(exitWait, "exitWait");
    ProcessPoolSettings settings = asked.forConcurrency(concurrency);
    if (settings.workers() < asked.workers()) {
      log.warn("--workers {} is more than --concurrency {}: starting {} worker processes (each holds at least one URL"
          + " in flight, so more would never get one)", asked.workers(), concurrency, settings.workers());
    }
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(launcher, "launcher");
    this.roster = new WorkerRoster(lock.newCondition(), settings.workers());
    int perWorker = settings.concurrencyPerWorker(concurrency);
    int idleConnections = settings.idleConnectionsPerWorker(concurrency);
    Duration answerDeadline = fetch.timeout().plus(settings.answerGrace());
    this.watchdog = new WorkerWatchdog(lock, counters, settings.startTimeout(), answerDeadline, System::nanoTime);
    this.router = new JobRouter(settings.maxTasksPerWorker(), perWorker, counters, watchdog, this::readmit);
    this.starter = new WorkerStarter(settings, fetch, perWorker, idleConnections, launcher, lock, roster, counters, watchdog, router, this);
    this.losses = new WorkerLosses(roster, router, counters, starter);
  }

  /**
   * Starts the workers and returns as soon as one said hello; the others join the pool when they
   * do, and one that does not within the start timeout is killed and replaced like a lost worker.
   *
   * @param stopped completes with its reason when the crawl is stopped: the start then fails
   * @throws WorkerStartException when no worker said hello (naming the first that failed and why),
   *     or the crawl was stopped first; the caller closes the pool, which kills the workers starting
   */
  void start(CompletableFuture<String> stopped) {
    starter.startFirst(stopped);
  }

  /** Queues {@code job} and sends it to a worker if one is ready; fails it at once if the pool is closed or broken. */
  void submit(PoolJob job) {
    enter(job, router::add);
  }

  /**
   * A URL of a lost worker that its host's gate let go: back in line as {@link JobRouter#readmit}
   * says, or failed if the pool closed or broke while it waited.
   */
  private void readmit(PoolJob job) {
    enter(job, router::readmit);
  }

  /** Under the lock: fails {@code job} if the pool is closed or broken, else queues it and dispatches. */
  private void enter(PoolJob job, BiConsumer<PoolJob, List<Runnable>> queue) {
    lock.run(after -> {
      String refusal = roster.refusal();
      if (refusal != null) {
        after.add(() -> job.fail(refusal));
        return;
      }
      queue.accept(job, after);
      dispatchLocked(after);
    });
  }

  /** A graceful stop ({@code reason}): URLs not yet sent to a worker are cancelled now, and any submitted later. */
  void stopStarting(String reason) {
    lock.run(after -> router.stop("run stopped (" + reason + ") before a worker took this URL", after));
  }

  PoolStats stats() {
    return lock.get(() -> counters.snapshot(roster.live()));
  }

  @Override
  public void onMessage(WorkerProcess worker, WorkerMessage message) {
    switch (message) {
      case WorkerMessage.Hello hello -> onHello(worker, hello);
      case WorkerMessage.Started started -> lock.run(after -> router.started(worker, started.id(), after));
      case WorkerMessage.Page page -> answered(worker, page.id(), job -> job.complete(() -> page.toFetchResult(job.url())));
      case WorkerMessage.Failure failure -> answered(worker, failure.id(),
          job -> job.result().completeExceptionally(failure.toException(job.url())));
    }
  }

  private void onHello(WorkerProcess w, WorkerMessage.Hello hello) {
    lock.run(after -> {
      if (w.state != State.STARTING || w.killReason != null) return;  // too late: the start watchdog is killing it
      if (hello.version() != ProtocolCodec.VERSION) {
        w.killReason = w + " speaks worker protocol version " + hello.version() + " but this crawl speaks version "
            + ProtocolCodec.VERSION + " (was the jar replaced while the crawl ran?)";
        after.add(w::kill);
        return;
      }
      w.state = State.READY;
      roster.started();
      log.debug("{} ready in {} ms", w, w.ageMillis());
      after.add(() -> w.ready.complete(null));
      dispatchLocked(after);
    });
  }

  private void answered(WorkerProcess w, long id, Consumer<PoolJob> complete) {
    lock.run(after -> {
      router.answered(w, id, complete, after);
      dispatchLocked(after);  // w has room again
    });
  }

  /** Sends the waiting URLs to ready workers, then starts the replacements the roster allows (of workers just retired too). */
  private void dispatchLocked(List<Runnable> after) {
    roster.retired(router.dispatch(roster.live(), after));
    starter.replaceLocked(after);
  }

  @Override
  public void onGone(WorkerProcess w, String exit) {
    lock.run(after -> {
      losses.goneLocked(w, exit, after);
      dispatchLocked(after);
    });
  }

  /**
   * Stops every worker and returns once they exited: closes their stdin (a ready worker exits when
   * it ends), kills those still starting, and kills any still running {@value #EXIT_WAIT_SECONDS}
   * s after the stdins closed: one wait shared by all the workers, however many do not exit (a
   * worker stopped with SIGSTOP). URLs not answered yet fail. Idempotent.
   */
  void close() {
    List<WorkerProcess> workers = new ArrayList<>();
    lock.run(after -> {
      if (!roster.close()) return;  // waits for the launches under way
      router.failPending("the crawl ended before a worker took it", after);
      for (WorkerProcess w : roster.live()) after.add(w.state == State.STARTING ? w::kill : w::closeStdin);
      workers.addAll(roster.live());
    });
    long deadline = System.nanoTime() + exitWait.toNanos();
    for (WorkerProcess w : workers) w.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    watchdog.close();
  }

  /** Kills every worker without waiting: for the JVM's shutdown hook (Ctrl-C, SIGTERM). */
  void killAll() {
    lock.get(() -> List.copyOf(roster.live())).forEach(WorkerProcess::kill);
  }
}
