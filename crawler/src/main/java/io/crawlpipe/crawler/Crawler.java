package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.fetch.PooledFetcher;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.polite.ExecutorEventLoop;
import io.crawlpipe.crawler.polite.HostScheduler;
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
 * worker JVMs of processes mode build theirs), and releases them before returning. Thread-safe (holds only immutable configuration).
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

  /** A crawler with the default extraction (title and size). */
  public Crawler(CrawlConfig config) {
    this(config, new DefaultPageParser(), Clock.systemUTC());
  }

  public Crawler(CrawlConfig config, PageParser parser, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Crawls the given lines (blank, comment and duplicate lines are skipped as in a file). */
  public CrawlSummary crawl(List<String> urls, ResultSink sink) {
    return crawl(new StringReader(String.join("\n", urls)), sink);
  }

  /**
   * Crawls the URL list read line by line from {@code urls}, writing one result per distinct
   * line to {@code sink}. Does not close the reader or the sink.
   *
   * @throws UncheckedIOException when the list cannot be read to its end, once the lines before the
   *     failure are crawled and stored
   * @throws io.crawlpipe.store.StoreException when the sink can no longer be written
   */
  public CrawlSummary crawl(Reader urls, ResultSink sink) {
    UrlSource source = new UrlSource(urls);
    CrawlSummary summary = crawl(source, sink, CrawlControl.unstopped());
    if (source.readFailure() != null) throw source.readFailure().asException();
    return summary;
  }

  /**
   * Crawls what {@code urls} yields, stopping gracefully when {@code control} asks (see {@link
   * CrawlControl}). A list that could not be read to its end is crawled up to the failure; the
   * caller finds it in {@link UrlSource#readFailure()}. Does not close the source or the sink.
   */
  public CrawlSummary crawl(UrlSource urls, ResultSink sink, CrawlControl control) {
    return crawl(urls, sink, control, new CrawlStats());
  }

  /**
   * As {@link #crawl(UrlSource, ResultSink, CrawlControl)}, counting into {@code stats} (new, not
   * yet started), which the caller may read while the crawl runs (a progress line) and after it.
   * The returned summary is built from it.
   */
  public CrawlSummary crawl(UrlSource urls, ResultSink sink, CrawlControl control, CrawlStats stats) {
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
        ExecutorEventLoop loop = new ExecutorEventLoop()) {
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

  private HostScheduler.Settings schedulerSettings() {
    return new HostScheduler.Settings(config.concurrency(), config.politeness(), config.retry(), config.breaker(),
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
