package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fetch → parse → store for every URL of a list, at most {@code maxPending} URLs read but not yet
 * stored.
 *
 * <p>The reader takes a slot before starting a URL and the URL gives it back once its line is
 * stored, so a slow crawl slows the reader (memory depends on the bound, not on list length). How
 * many of the pending URLs are being fetched at once is the fetcher's business: the
 * {@link io.crawlpipe.crawler.polite.HostScheduler} runs at most {@code --concurrency} attempts and
 * keeps the rest in per-host queues. The run ends when the list is exhausted and every slot is
 * back: no polling, no sleeping. One pipeline runs once; it does not own the fetcher, the parse
 * executor or the sink. Each URL's line answers the URL as read: a fetcher's result that names
 * another URL (see {@link AsyncFetcher}) is stored as that URL's line, once, with the URL read in
 * its {@code url} and the result's final URL kept.
 *
 * <p>The parser extracts from 2xx responses only. Any other response is stored with the default
 * extraction (its title and charset) and no data: an error page's markup is not the data a rule
 * was written for (a rule's {@code json} field would fail on an HTML 404 and hide its status
 * behind {@code extract_error}), as Scrapy, by default, does not parse non-2xx responses either.
 *
 * <p>A sink that throws ends the run as a stop with no grace: the pipeline asks the run's {@link
 * CrawlControl} to stop ("results could not be stored"), reads no more URLs, starts no more
 * requests, abandons those running and never calls the sink again (see {@link SinkGuard}); the URLs
 * read but not yet stored end without a line, and the run rethrows what the sink threw. What a
 * parser or extractor throws, a checked exception thrown sneakily included, is never the sink's:
 * it is that URL's line ({@link ParseStage}).
 *
 * <p>Any other failure of a URL's steps, a bug (a parse executor that refuses the URL's task), stops
 * the run at once too, for "internal error" ({@link StageFailure}); but the sink is not blamed and
 * keeps working, so every URL read still ends as one line ({@code cancelled} if unfinished), and the
 * run then throws that failure as it is (a checked one in an {@code UndeclaredThrowableException}).
 * So does a fatal error seen elsewhere in the run ({@link CrawlControl#fail}), and an {@code
 * OutOfMemoryError} from the list's reader: with the heap gone, the run ends as soon as it can.
 *
 * <p>A list whose reader throws a {@code RuntimeException} or another {@code Error} (an {@code
 * IOException} ends the list as a read failure instead, see {@link UrlSource}) is read no further:
 * the URLs read before it are crawled and stored as usual, each as one line, and the run then
 * rethrows what the reader threw, as it is (with the sink's failure as suppressed if the sink
 * failed meanwhile).
 */
public final class Pipeline {
  /**
   * After a stop, how long the pipeline waits at most for the fetcher's cancellations to be stored
   * (they come at once; only a stuck fetcher makes it wait this out), the grace included.
   */
  static final Duration CANCELLATIONS_LIMIT = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private final AsyncFetcher fetcher;
  private final AnswerLines answers;
  private final Executor parseExecutor;
  private final SinkGuard sink;
  private final StageFailure stageFailure;
  private final LineWriter lines;
  private final Clock clock;
  private final CrawlStats stats;
  private final InFlight inFlight;
  private final GracefulStop ending;
  /** Set once every URL read has its line, cancelled ones included: late answers have nothing to do. */
  private volatile boolean over;

  public Pipeline(AsyncFetcher fetcher, PageParser parser, Executor parseExecutor, ResultSink sink,
      Clock clock, int maxPending) {
    this(fetcher, parser, parseExecutor, sink, clock, maxPending, new CrawlStats());
  }

  /** As above, counting into {@code stats} (a new one, not started), which callers may read while it runs. */
  public Pipeline(AsyncFetcher fetcher, PageParser parser, Executor parseExecutor, ResultSink sink,
      Clock clock, int maxPending, CrawlStats stats) {
    this(fetcher, parser, parseExecutor, sink, clock, maxPending, stats, CANCELLATIONS_LIMIT);
  }

  /** As above, waiting at most {@code cancellationsLimit} for the fetcher's cancellations after a stop (tests). */
  Pipeline(AsyncFetcher fetcher, PageParser parser, Executor parseExecutor, ResultSink sink,
      Clock clock, int maxPending, CrawlStats stats, Duration cancellationsLimit) {
    if (maxPending < 1) throw new IllegalArgumentException("maxPending must be >= 1, was " + maxPending);
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.answers = new AnswerLines(parser);
    this.parseExecutor = Objects.requireNonNull(parseExecutor, "parseExecutor");
    this.inFlight = new InFlight(maxPending);
    this.ending = new GracefulStop(fetcher, inFlight, cancellationsLimit);
    this.sink = new SinkGuard(sink, () -> ending.stopAtOnce(SinkGuard.FAILED));
    this.stageFailure = new StageFailure(ending::failAtOnce);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.lines = new LineWriter(this.sink, stats);
  }

  /**
   * Crawls every URL {@code urls} yields and returns the totals once the last line is stored.
   *
   * @throws StoreException when the results can no longer be written (the run stops at once; see
   *     above); a {@code RuntimeException} or {@code Error} the sink threw is rethrown as it is, and
   *     so is one the list's reader threw, once the URLs read before it are stored, and a {@link
   *     StageFailure}'s
   */
  public CrawlSummary run(UrlSource urls) {
    return run(urls, CrawlControl.unstopped());
  }

  /**
   * As {@link #run(UrlSource)}, stopping gracefully when {@code control} asks: no URL is read after
   * the request, the fetcher is told to start nothing more ({@link
   * AsyncFetcher#stopStartingSettled}), and the lines of the URLs it then cancels, those waiting to
   * start or to be retried, are stored as it made them (with the attempts made), the run waiting
   * for them up to 2 s after the stop whatever the grace (a stuck fetcher cannot hold it). URLs still
   * unfinished when the grace period ends (and that wait) are stored as {@code cancelled} (one
   * whose request the fetcher never reported sent, see {@link AsyncFetcher#fetch(String,
   * Runnable)}, as never fetched: {@code elapsed_ms} 0).
   * The summary comes from the pipeline's {@link CrawlStats}, whose span this call starts before the
   * first URL is read and ends once the last line (cancelled ones included) is stored. A failing
   * sink stops the run through {@code control} too.
   */
  public CrawlSummary run(UrlSource urls, CrawlControl control) {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(control, "control");
    stats.start();
    try {
      crawl(urls, control);
    } finally {
      stats.finish();
    }
    sink.rethrow();
    stageFailure.rethrow();
    return stats.summary(urls.duplicates());
  }

  /**
   * Reads and starts every URL, then waits for their lines (or cancels them after a stop); then
   * rethrows what the list's reader threw, if it threw.
   */
  private void crawl(UrlSource urls, CrawlControl control) {
    ending.watch(control);
    control.onFailure(stageFailure::failRun);
    Throwable unread = readAll(urls, control);
    ending.finish(lines, clock);
    over = true;
    if (unread != null) rethrowReaderFailure(unread);
  }

  /**
   * Admits and starts URLs until the list ends, the run stops or the sink fails. Returns what the
   * list's reader threw instead of throwing it, so that the URLs already admitted still get their
   * lines; null when it threw nothing.
   */
  private Throwable readAll(UrlSource urls, CrawlControl control) {
    while (!sink.failed() && !control.stopRequested()) {
      String url;
      try {
        url = urls.next();
      } catch (RuntimeException | Error e) {
        if (e instanceof OutOfMemoryError) stageFailure.failRun(e); // the heap is gone: stop at once
        return e;
      }
      if (url == null || !inFlight.admit(url, clock.instant())) return null;
      CompletableFuture<Void> steps;
      try {
        steps = process(url, urls.encoding());
      } catch (RuntimeException | Error e) { // a fetcher that threw rather than answer with a failed future
        stageFailure.fail(url, e); // stops the run: the URL, admitted, ends cancelled
        continue;
      }
      steps.whenComplete((ignored, error) -> {
        if (error != null) stageFailure.fail(url, AsyncFetcher.cause(error)); // never the sink's: SinkGuard keeps those
      });
    }
    return null;
  }

  /**
   * Throws the reader's {@code failure} (a {@code RuntimeException} or {@code Error}) as it came,
   * carrying the sink's failure, if the sink failed too, and a {@link StageFailure}, if one came,
   * as suppressed.
   */
  private void rethrowReaderFailure(Throwable failure) {
    try {
      sink.rethrow();
    } catch (RuntimeException | Error e) {
      Suppressed.add(failure, e);
    }
    Throwable stage = stageFailure.get();
    if (stage != null) Suppressed.add(failure, stage);
    if (failure instanceof Error error) throw error;
    throw (RuntimeException) failure;
  }

  /**
   * One URL, read from a list in {@code encoding}, through the stages; the returned future fails
   * only on a bug past the parse step (a parse executor that refused the task, say): a failed
   * fetch or parse is the URL's line, and a failed write is the {@link SinkGuard}'s.
   */
  CompletableFuture<Void> process(String url, Charset encoding) {
    Instant startedAt = clock.instant();
    long t0 = System.nanoTime();
    String problem = UrlValidator.problem(url, encoding);
    if (problem != null) {
      CrawlResult invalid = Results.invalid(url, problem, startedAt);
      return CompletableFuture.completedFuture(invalid).thenAccept(line -> store(url, line));
    }
    // One hand-off to the parse pool per URL, whatever the fetch's outcome: the page is parsed, or
    // a failed fetch mapped, and the line stored there — never on the host scheduler's one thread
    // nor on the reader's, even if the fetch completes before this chain is attached.
    // Told when the URL's first request is handed on: one never handed on was never fetched if cancelled.
    CompletableFuture<FetchResult> fetched = Objects.requireNonNull(fetcher.fetch(url, () -> inFlight.started(url)),
        "the fetcher answered null");
    return fetched.<Void>handleAsync((page, error) -> {
      store(url, answers.lineFor(url, page, error, fetched, startedAt, t0));
      return null;
    }, task -> {  // runs as the answer comes, on the thread that completes the fetch
      inFlight.answered(url);
      handOn(task);
    });
  }

  /**
   * Gives {@code task}, a URL's parse and store step, to the parse executor. An answer that comes
   * once the run is over (a fetch ending after a stop, whose URL already has its {@code cancelled}
   * line) may find the executor shut down: its refusal is then dropped, as that URL has nothing
   * left to do, rather than reported as the run's failure.
   */
  private void handOn(Runnable task) {
    try {
      parseExecutor.execute(task);
    } catch (RejectedExecutionException refused) {
      if (!over) throw refused;
      log.debug("an answer that came after the run ended was dropped: {}", refused.toString());
    }
  }

  /** Stores {@code result} as the line of {@code url}, the URL as read and admitted. */
  private void store(String url, CrawlResult result) {
    inFlight.store(url, result, lines::write);
  }
}
