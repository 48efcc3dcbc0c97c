package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.SendGate;
import io.crawlpipe.crawler.mode.FetchMode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --mode processes}: fetches run in a pool of worker JVMs, like Python's
 * {@code multiprocessing.Pool(n).apply_async(get_page, callback=parse_page)}; each answer
 * completes its URL's future in this JVM, where the pipeline parses and stores it. Each worker
 * fetches many URLs at once on virtual threads; see {@link WorkerPool} for crashes, silent
 * workers and recycling, and {@link ProtocolCodec} for what travels on the pipes.
 *
 * <p>Opening starts the workers and waits for the first hello (the others join as they say theirs),
 * through an interrupt of the opening thread, whose status is kept. Until {@link #close()}, a JVM shutdown
 * hook kills the workers if this JVM is stopped (Ctrl-C, SIGTERM); a worker also exits by itself
 * when its stdin closes, so workers never outlive a parent killed with SIGKILL. Thread-safe.
 */
public final class ProcessPoolMode implements FetchMode {
  private final WorkerPool pool;
  private final Thread shutdownHook;
  private final AtomicLong nextJob = new AtomicLong();

  /**
   * Starts {@code settings.workers()} worker JVMs (at most {@code concurrency}: more would never get a
   * URL) from this JVM's java binary and class path, and returns once one of them said hello.
   *
   * @param concurrency URLs in flight in all: each worker is sent its share at most, and keeps as many
   *     idle connections as one client of the whole run would
   * @throws WorkerStartException when no worker starts; none is left running
   */
  public ProcessPoolMode(ProcessPoolSettings settings, FetchSettings fetch, int concurrency) {
    this(settings, fetch, concurrency, CrawlControl.unstopped());
  }

  /**
   * As {@link #ProcessPoolMode(ProcessPoolSettings, FetchSettings, int)}, the start ending at once
   * when {@code control} is stopped (a signal, {@code --max-time}) before a worker said hello.
   *
   * @throws WorkerStartException also when stopped so; the workers starting are killed
   */
  public ProcessPoolMode(ProcessPoolSettings settings, FetchSettings fetch, int concurrency, CrawlControl control) {
    this(settings, fetch, concurrency, new JvmWorkerLauncher(settings), control);
  }

  ProcessPoolMode(ProcessPoolSettings settings, FetchSettings fetch, int concurrency, WorkerLauncher launcher) {
    this(settings, fetch, concurrency, launcher, CrawlControl.unstopped());
  }

  ProcessPoolMode(ProcessPoolSettings settings, FetchSettings fetch, int concurrency, WorkerLauncher launcher,
      CrawlControl control) {
    this.pool = new WorkerPool(settings, fetch, concurrency, launcher);
    this.shutdownHook = Thread.ofPlatform().name("kill-workers").unstarted(pool::killAll);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    CompletableFuture<String> stopped = new CompletableFuture<>();
    control.onStop(() -> stopped.complete(control.stopReason()));
    try {
      pool.start(stopped);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url) {
    return submit(new PoolJob(nextJob.incrementAndGet(), url));
  }

  /**
   * {@code sent} runs when a worker writes the request, which may be long after this call: the URL
   * waits here while every worker is full (starting, or replacing one that died), and a worker
   * may be slow to take it. It runs again if the URL is sent again after its worker died.
   */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
    return submit(new PoolJob(nextJob.incrementAndGet(), url, Objects.requireNonNull(sent, "sent"), null));
  }

  /**
   * As {@link #fetch(String, Runnable)}, and when the URL's worker dies, it is sent again only once
   * {@code gate} lets it (its host's delay): it then waits for a worker as a first send would.
   */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent, SendGate gate) {
    return submit(new PoolJob(nextJob.incrementAndGet(), url, Objects.requireNonNull(sent, "sent"),
        Objects.requireNonNull(gate, "gate")));
  }

  private CompletableFuture<FetchResult> submit(PoolJob job) {
    pool.submit(job);
    return job.result();
  }

  /** URLs waiting for a ready worker (or a replacement) are cancelled now, not sent during the grace. */
  @Override
  public void stopStarting(String reason) {
    pool.stopStarting(reason);
  }

  /** What the pool did so far: worker pids, crashes, recycled workers. */
  public PoolStats stats() {
    return pool.stats();
  }

  /** Stops the workers and returns once none is left; URLs not answered yet fail with {@code worker_crashed}. */
  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or has run; nothing to remove
      }
    }
  }
}
