package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.InternalFailures;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.fetch.PooledFetcher;
import io.crawlpipe.store.ErrorType;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker JVM's side of {@code --mode processes} (the hidden {@code crawl worker} command):
 * reads the parent's hello and fetch jobs from {@code in}, fetches each job on its own virtual
 * thread with the {@link io.crawlpipe.crawler.fetch.FetchClient} the parent chose, and writes one answer per job to {@code out}. It
 * writes nothing else to {@code out}; its logs go to stderr. It stops as soon as {@code in} ends,
 * abandoning fetches in flight: a parent that closes the pipe, or dies, ends its workers.
 *
 * <p>One instance serves one parent, once. {@code run} is called from one thread; answers are
 * written under a lock so answers (a page: its line and its body) never interleave.
 */
public final class Worker {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  static final int BAD_HELLO = 2;
  /**
   * The {@code crawl worker} argument by which a parent says its list had no {@code https} URL in
   * its head ({@link ProcessPoolSettings#warmTls()} false): the worker then skips setting up TLS
   * while it starts (about 0.1 s of CPU), and does it on its first {@code https} URL, if any.
   */
  public static final String NO_TLS_WARM_UP = "--no-tls-warm-up";

  private final InputStream in;
  private final OutputStream out;
  private final Clock clock;
  private final Fetchers fetchers;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final ReentrantLock outLock = new ReentrantLock();
  private volatile boolean stopped;

  /** {@code in} and {@code out} are the protocol pipes; the worker does not close them. */
  public Worker(InputStream in, OutputStream out, Clock clock) {
    this(in, out, clock,
        (settings, idleConnections, at) -> settings.client().openKeepingIdle(settings, idleConnections, at));
  }

  /** As above, fetching with what {@code fetchers} opens for the parent's settings (tests: a fetcher of their own). */
  Worker(InputStream in, OutputStream out, Clock clock, Fetchers fetchers) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fetchers = Objects.requireNonNull(fetchers, "fetchers");
  }

  /**
   * Opens the worker's fetcher for the settings of the parent's hello, keeping up to its {@code
   * idleConnections} (at least 1) idle connections: the parent sized them for the whole run.
   */
  @FunctionalInterface
  interface Fetchers {
    PooledFetcher open(FetchSettings settings, int idleConnections, Clock clock);
  }

  /**
   * Serves the parent until {@code in} ends. Returns the exit code: 0 when the input ended, 2 when
   * the first line is not a hello of this protocol version (the worker still answers with its own
   * hello, so the parent can name both versions). Never throws.
   */
  public int run() {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    ParentMessage.Hello hello = readHello(reader);
    WorkerMessage.Hello mine = new WorkerMessage.Hello(ProtocolCodec.VERSION, ProcessHandle.current().pid());
    if (hello == null || hello.version() != ProtocolCodec.VERSION) {
      if (hello != null) {
        log.error("the parent speaks worker protocol version {}, this worker speaks version {}; exiting",
            hello.version(), ProtocolCodec.VERSION);
      }
      send(mine);  // so that the parent can name both versions
      return BAD_HELLO;
    }
    FetchSettings settings;
    int idleConnections;
    try {
      settings = hello.fetchSettings();
      idleConnections = hello.idleConnectionsToKeep();
    } catch (RuntimeException e) {  // a bad value, or a field missing (NullPointerException)
      log.error("unusable settings in the parent's hello: {}; exiting",
          e instanceof IllegalArgumentException ? e.getMessage() : e.toString());
      return BAD_HELLO;  // without a hello: the parent reports a worker that exited before it
    }
    send(mine);
    serve(reader, hello.worker(), settings, idleConnections);
    return 0;
  }

  private ParentMessage.Hello readHello(BufferedReader reader) {
    String problem;
    try {
      String first = reader.readLine();
      if (first == null) {
        problem = "stdin ended";
      } else if (codec.parseParent(first) instanceof ParentMessage.Hello hello) {
        return hello;
      } else {
        problem = "the first line is not a hello";
      }
    } catch (IOException e) {
      problem = e.getMessage();
    }
    log.error("expected the parent's hello on stdin ({}); 'worker' is internal to --mode processes"
        + " (to crawl a file named worker, pass ./worker)", problem);
    return null;
  }

  private void serve(BufferedReader reader, int worker, FetchSettings settings, int idleConnections) {
    PooledFetcher fetcher = fetchers.open(settings, idleConnections, clock);
    ExecutorService fetches = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fetch-", 1).factory());
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        switch (codec.parseParent(line)) {
          case ParentMessage.Fetch job -> fetches.execute(() -> answer(fetcher, job));
          case ParentMessage.Hello ignored -> log.warn("ignoring a second hello from the parent");
        }
      }
      log.debug("worker {}: stdin ended; exiting", worker);
    } catch (IOException e) {
      log.error("worker {}: cannot read from the parent ({}); exiting", worker, e.getMessage());
    } finally {
      // Fetches in flight are abandoned, not interrupted: the JVM exits next (Main calls exit).
      stopped = true;
      fetches.shutdown();
      fetcher.close();
    }
  }

  /**
   * Fetches the job and sends the page or the failure. A failure is timed here, from just before
   * the fetcher was called (a page carries the fetcher's own times, taken at the same point).
   * Whatever else the fetch throws is a bug, answered as {@code internal} with one line naming
   * it, an {@link Error} too (a {@link StackOverflowError}): a worker that went silent instead
   * would be killed after the answer timeout, three in turn, and the URL end {@code
   * worker_crashed}. (An {@link OutOfMemoryError} ends the worker JVM before it gets here: it runs
   * with {@code -XX:+ExitOnOutOfMemoryError}.)
   */
  private void answer(Fetcher fetcher, ParentMessage.Fetch job) {
    WorkerMessage answer;
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    try {
      FetchResult page = job.reportStart()
          ? fetcher.fetch(job.url(), () -> send(new WorkerMessage.Started(job.id()))) : fetcher.fetch(job.url());
      answer = WorkerMessage.Page.of(job.id(), page);
      log.debug("fetched url={}", job.url());
    } catch (FetchException e) {
      answer = WorkerMessage.Failure.of(job.id(), e, startedAt, millisSince(start));
      log.debug("fetch failed url={} type={}", job.url(), e.type().code());
    } catch (Exception | Error e) {  // also what Kotlin code throws undeclared (OkHttp: InterruptedException)
      if (stopped) return;
      InternalFailures.log(log, job.url(), e, InternalFailures.CRAWL_HINT); // the crawl's: it passes its -v on
      answer = new WorkerMessage.Failure(job.id(), ErrorType.INTERNAL, FetchException.internalMessage(e), 1,
          startedAt, millisSince(start));
    }
    if (!stopped) send(answer);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private void send(WorkerMessage message) {
    outLock.lock();
    try {
      codec.write(message, out);
      out.flush();
    } catch (IOException e) {
      if (!stopped) log.warn("cannot write to the parent: {}", e.getMessage());
    } finally {
      outLock.unlock();
    }
  }
}
