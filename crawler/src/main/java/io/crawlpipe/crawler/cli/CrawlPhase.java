package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.CrawlStats;
import io.crawlpipe.crawler.CrawlSummary;
import io.crawlpipe.crawler.Crawler;
import io.crawlpipe.crawler.StoppableReader;
import io.crawlpipe.crawler.UrlSource;
import io.crawlpipe.crawler.cli.CrawlRun.RunFailure;
import io.crawlpipe.crawler.process.WorkerStartException;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.store.StoreException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The crawl proper of a {@link CrawlRun}, once its list and output are open: crawls the list into
 * the output with the progress line shown, hands the stops to the crawl while it runs ({@link
 * RunStops#crawling}: a second signal seals the output and ends the process), finishes the output
 * and words the run's warnings about the list. The list, the output and the log stay the
 * caller's, which closes them. None of its arguments may be null. Used once, by the run's thread;
 * a second signal arrives on the JVM's signal thread.
 */
final class CrawlPhase {
  private final CrawlConfig config;
  private final PageParser parser;
  private final RunRequest request;
  private final RunEnvironment env;
  private final PrintStream stderr;

  CrawlPhase(CrawlConfig config, PageParser parser, RunRequest request, RunEnvironment env, PrintStream stderr) {
    this.config = Objects.requireNonNull(config, "config");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.request = Objects.requireNonNull(request, "request");
    this.env = Objects.requireNonNull(env, "env");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * Crawls {@code urls} into {@code output} and says how it ended; a list that gave no URL line
   * before it failed ends the run ({@link ListFailures#refuseUnreadable}).
   *
   * @throws RunFailure when the worker processes cannot start, or the list is refused
   */
  RunOutcome crawl(Reader urls, ResultOutput output, CrawlControl control, RunStops stops, RunLog runLog) {
    CrawlStats stats = new CrawlStats();
    UrlSource source = new UrlSource(urls, output.done(), control::stopRequested);
    // The results' stream, or stdout when the log is written there: either would write into the line.
    StandardStream onStream = output.standardStream() == null && runLog.stream() == StandardStream.STDOUT
        ? StandardStream.STDOUT : output.standardStream();
    Path file = output.standardStream() == null ? output.target() : null;
    ProgressLine.Screen screen = ProgressLine.Screen.of(env, request.quiet(), onStream, file);
    // Only a regular file is counted (stdin and pipes come as a StoppableReader, see UrlList.open):
    // reading a pipe would take its lines from the crawl.
    boolean regularFile = !(urls instanceof StoppableReader);
    try (LineCounter counter = LineCounter.start(screen.visible() && regularFile ? Path.of(request.urlFile()) : null);
        ProgressLine progress = ProgressLine.start(stderr, stats, () -> total(source, counter), output.resumedLines(),
            screen);
        RunLog.Above above = runLog.above(progress)) {
      stops.crawling(progress::message, cause -> stopAtOnce(cause, output, progress, runLog), source::handedOut,
          () -> everyUrlHasItsLine(source, stats));
      try {
        CrawlSummary summary;
        try {
          summary = new Crawler(config, parser, env.clock()).crawl(source, output.sink(), control, stats);
        } catch (WorkerStartException e) {
          summary = stoppedWhileStarting(e, stops.cause(), runLog);
        }
        ListFailures.refuseUnreadable(request.urlFile(), source, output);
        StopCause stoppedBy = stoppedBy(stops.cause(), source, stats);
        if (!(stoppedBy != null && source.distinct() == 0 && output.leaveAsItWas())) output.finish();
        if (stoppedBy == null && source.readFailure() == null) runLog.warn(RunWarnings.emptyList(source.distinct(), output));
        if (request.settings().resume() && stoppedBy == null && source.readFailure() == null) {
          runLog.warn(RunWarnings.everythingResumed(source.alreadyDone(), summary.urls(), output.name()));
          runLog.warn(RunWarnings.keptLinesNotInList(output.done().size() - source.alreadyDone(), output.name()));
        }
        return new RunOutcome(summary, stats, source.duplicates(), stoppedBy, null, ListFailures.describe(request.urlFile(), source.readFailure()));
      } catch (StoreException e) {
        return new RunOutcome(null, stats, source.duplicates(), stoppedBy(stops.cause(), source, stats), e.getMessage(),
            ListFailures.describe(request.urlFile(), source.readFailure()));
      }
    }
  }

  /**
   * The stop that cut the crawl short: {@code cause} (null when none came) if the list was not read
   * to its end or a URL was cancelled; else null. A stop that came once every URL of the list had
   * its line, while the crawl was closing (in {@code --mode processes}, waiting for its workers to
   * exit) or the output being finished, stopped nothing: the run is complete, and ends as one.
   */
  private static StopCause stoppedBy(StopCause cause, UrlSource source, CrawlStats stats) {
    if (cause == null) return null;
    boolean listRead = source.totalIfKnown() >= 0 && source.readFailure() == null;
    return listRead && stats.cancelled() == 0 ? null : cause;
  }

  /**
   * A stop ({@code cause}: a signal, {@code --max-time}) ends the wait for worker processes still
   * starting, and kills them; no URL was read yet. The run then ends as any stopped run does, its
   * output finished (empty, or as {@code --resume} and {@code --append} keep it) and its stats
   * written, so a monitor sees the night. Stderr gets no line of its own here: the summary says
   * the stop and that no URL was read; a {@code --log} file is told that the workers were starting.
   * Without a stop the workers could not start: exit 2.
   */
  private CrawlSummary stoppedWhileStarting(WorkerStartException e, StopCause cause, RunLog runLog) {
    if (cause == null) throw new RunFailure(ExitCodes.USAGE, "cannot start the worker processes: " + e.getMessage());
    runLog.note("stopped by " + cause.label() + " while the worker processes were starting; no URL was crawled");
    return new CrawlSummary(0, 0, Map.of(), 0, 0, Duration.ZERO);
  }

  /**
   * Whether the list was read to its end and each URL handed out has its line: nothing is in flight.
   * Safe from any thread: the list's total is published after the count of URLs it skipped.
   */
  private static boolean everyUrlHasItsLine(UrlSource source, CrawlStats stats) {
    long total = source.totalIfKnown();
    return total >= 0 && stats.results() >= total - source.alreadyDone();
  }

  /** The exact number of distinct URLs once the reader is through the list, else the quick line count. */
  private static long total(UrlSource source, LineCounter counter) {
    long exact = source.totalIfKnown();
    return exact >= 0 ? exact : counter.count();
  }

  /** The second signal: seal the output (no half line), say where the lines are, end the process. */
  private void stopAtOnce(StopCause cause, ResultOutput output, ProgressLine progress, RunLog runLog) {
    progress.close();
    String leaves;
    try {
      leaves = output.abandon();
    } catch (RuntimeException e) {
      leaves = "results so far in " + output.name() + " (" + e.getMessage() + ")";
    }
    String line = cause.label() + " again: stopped at once; " + leaves;
    CrawlLine.print(stderr, line);
    stderr.flush();
    runLog.ended(cause.exitCode(), line);  // to a --log file; stderr has the line above
    env.halt().accept(cause.exitCode());
  }
}
