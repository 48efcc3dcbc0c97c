package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.fetch.PooledFetcher;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.polite.ExecutorEventLoop;
import io.crawlpipe.crawler.polite.HostScheduler;
import io.crawlpipe.crawler.polite.SchedulerSettings;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.ResultSink;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The Java entry point: crawls a URL list into a sink with one configuration. Each call to
 * {@code crawl} builds its own mode, parse pool and, in the in-process modes, HTTP client (the
 * worker JVMs of processes mode build theirs), and releases them before returning.
 *
 * <p>Thread-safe: it holds only immutable configuration, so one crawler may run several crawls at
 * once, each with its own sink and control. No argument may be null; a null one is a {@code NullPointerException}
 * naming it, thrown before anything starts.
 *
 * <p>{@code crawl} blocks its calling thread until the run ends. Interrupting that thread does not
 * stop the crawl: the waits for the worker JVMs to start, for a free slot and for the last results
 * ignore the interrupt (the thread's interrupt status is kept; after a stop, it cuts the grace
 * period short, though not the short wait, at most 2 s, for the lines of the URLs the stop cancels
 * at once), and the lines
 * that thread writes itself ({@code invalid_url}, and {@code cancelled} after a stop) reach the sink
 * with the status cleared for the write, so a sink writing through an interruptible channel is not
 * closed by it. Stop a crawl with {@link CrawlControl#requestStop} from another thread. A list
 * {@code Reader} that fails when interrupted ends the list there, as a read failure. A list {@code
 * Reader} that throws a {@code RuntimeException} or {@code Error} ends the list there too, but
 * {@code crawl} rethrows it as it is once the lines read before it are crawled and stored.
 *
 * <p>A sink that throws ends the crawl at once: no URL is read and no request started after it, the
 * URLs not yet written end without a line, the sink is not called again, and {@code crawl} throws
 * what the sink threw (see {@link Pipeline}).
 *
 * <p>With {@link io.crawlpipe.crawler.mode.Mode#PROCESSES} every {@code crawl} may throw {@link
 * io.crawlpipe.crawler.process.WorkerStartException} before any URL is crawled: the worker JVMs
 * could not be started, or the control was stopped before they started ("stopped by REASON while
 * the worker processes were starting"), even before the call, where the other modes return with no
 * URL crawled.
 *
 * <pre>{@code
 * CrawlConfig config = CrawlConfig.builder().mode(Mode.VIRTUAL).concurrency(100).build();
 * try (JsonLinesSink sink = JsonLinesSink.create(Path.of("results.jsonl"))) {
 *   CrawlSummary summary = new Crawler(config).crawl(List.of("https://example.org/"), sink);
 * }
 * }</pre>
 */
public final class Crawler {
  private final CrawlConfig config;
  private final PageParser parser;
  private final Clock clock;

  /** A crawler with the default extraction (title and charset) and the system clock. */
  public Crawler(CrawlConfig config) {
    this(config, new DefaultPageParser(), Clock.systemUTC());
  }

  /**
   * A crawler that extracts with {@code parser} (see {@link PageParser} for what its failures
   * become) and dates results with {@code clock}: a line's {@code fetched_at} (in processes mode the
   * workers date their fetches, pages and failures, with their own system clock) and the present
   * against which a {@code Retry-After} date is read. Timeouts, delays, back-offs and elapsed times
   * are measured on the monotonic {@link System#nanoTime()}, not on it.
   */
  public Crawler(CrawlConfig config, PageParser parser, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Crawls the given lines, each element one line of a list (blank, comment and duplicate lines
   * are skipped as in a file).
   *
   * @throws NullPointerException naming the element that is null, before anything is crawled
   * @throws IllegalArgumentException naming the element that holds a line break, before anything is crawled
   * @throws io.crawlpipe.store.StoreException when the sink can no longer be written
   */
  public CrawlSummary crawl(List<String> urls, ResultSink sink) {
    Objects.requireNonNull(urls, "urls");
    int i = 0;
    for (String url : urls) { // not urls.get(i): a LinkedList would make that quadratic
      Objects.requireNonNull(url, "urls[" + i + "] is null");
      if (url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("urls[" + i + "] holds a line break: one URL per element");
      }
      i++;
    }
    return crawl(new StringReader(String.join("\n", urls)), sink);
  }

  /**
   * Crawls the URL list read line by line from {@code urls}, writing one result per distinct
   * line to {@code sink}. Does not close the reader or the sink.
   *
   * @throws UncheckedIOException when the list cannot be read to its end, once the lines before the
   *     failure are crawled and stored; a {@code RuntimeException} or {@code Error} the reader throws
   *     is rethrown as it is, once the lines before it are crawled and stored
   * @throws io.crawlpipe.store.StoreException when the sink can no longer be written
   */
  public CrawlSummary crawl(Reader urls, ResultSink sink) {
    Objects.requireNonNull(urls, "urls");
    UrlSource source = new UrlSource(urls);
    CrawlSummary summary = crawl(source, sink, CrawlControl.unstopped());
    if (source.readFailure() != null) throw source.readFailure().asException();
    return summary;
  }

  /**
   * Crawls what {@code urls} yields, stopping gracefully when {@code control} asks (see {@link
   * CrawlControl}). A list that could not be read to its end is crawled up to the failure; the
   * caller finds it in {@link UrlSource#readFailure()}. Does not close the source or the sink.
   *
   * @throws io.crawlpipe.store.StoreException when the sink can no longer be written; the crawl
   *     stops itself through {@code control} then (its stop reason: "results could not be stored")
   */
  public CrawlSummary crawl(UrlSource urls, ResultSink sink, CrawlControl control) {
    return crawl(urls, sink, control, new CrawlStats());
  }

  /**
   * As {@link #crawl(UrlSource, ResultSink, CrawlControl)}, counting into {@code stats} (new, not
   * yet started), which the caller may read while the crawl runs (a progress line) and after it.
   * The returned summary is built from it.
   *
   * @throws io.crawlpipe.store.StoreException when the sink can no longer be written
   */
  public CrawlSummary crawl(UrlSource urls, ResultSink sink, CrawlControl control, CrawlStats stats) {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(stats, "stats");
    // One client shared by every fetch, built only when an in-process mode asks for its fetcher:
    // the worker JVMs of processes mode build their own.
    // The modes follow no redirect: the scheduler follows each hop under its host's robots.txt and limits.
    CrawlConfig modes = config.withFetch(config.fetch().withoutRedirects());
    AtomicReference<PooledFetcher> client = new AtomicReference<>();
    Supplier<Fetcher> fetcher = () -> client.updateAndGet(
        c -> c != null ? c : modes.fetch().client().open(modes.fetch(), modes.concurrency(), clock));
    ExecutorService parsePool = Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("parse-", 1).daemon().factory());
    try (FetchMode mode = modes.mode().open(fetcher, modes, control);
        ExecutorEventLoop loop = new ExecutorEventLoop(control::fail)) {
      HostScheduler scheduler = new HostScheduler(mode, schedulerSettings(), loop, clock);
      try {
        return new Pipeline(scheduler, parser, parsePool, sink, clock, maxPending(config.concurrency()), stats)
            .run(urls, control);
      } finally {
        // After a stop (a failed sink stops the run too), fetches still running belong to URLs that
        // are cancelled or dropped: end them now rather than wait up to --timeout for them while the mode closes.
        if (control.stopRequested() && client.get() != null) client.get().cancelAll();
      }
    } finally {
      parsePool.shutdown();
      if (client.get() != null) client.get().close();
    }
  }

  private SchedulerSettings schedulerSettings() {
    return new SchedulerSettings(config.concurrency(), config.politeness(), config.retry(), config.breaker(),
        config.fetch().userAgent(), config.fetch().maxRedirects());
  }

  /**
   * URLs read but not yet stored: enough that URLs of busy or slow hosts can wait in their host
   * queues while other hosts use every fetch slot, and small enough (~100 bytes a URL) that memory
   * does not depend on the list's length.
   */
  static int maxPending(int concurrency) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(concurrency * 8L, 10_000));
  }
}
