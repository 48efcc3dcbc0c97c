package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.LogText;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.rules.RulesPageParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@code crawl}, in order: expand the dated names; install the stop signals and start
 * the {@code --max-time} clock ({@link RunStops}, for the whole run); open the log; check the
 * stats file's directory; open the URL list and the output (lock, resume); crawl with the progress
 * line and finish the output ({@link CrawlPhase}); print the summary, write the stats file, choose
 * the exit code ({@link RunReport}). Used once, by one thread.
 */
final class CrawlRun {
  private static final Logger log = LoggerFactory.getLogger(LogFile.RUN_LOGGER);
  private final CrawlConfig config;
  private final PageParser parser;
  private final RunRequest request;
  private final RunEnvironment env;
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final RunEnding ending;
  private final FatalLine fatalLine;
  /** What the run is doing, as the log's line about a fatal error names it ({@link RunLog#fatal}). */
  private String step = "starting";

  CrawlRun(CrawlConfig config, PageParser parser, RunRequest request, RunEnvironment env, InputStream stdin,
      PrintStream stdout, PrintStream stderr) {
    this(config, parser, request, env, stdin, stdout, stderr, RunEnding.REAL);
  }

  /** As above, its end made of {@code ending}'s parts (tests inject a failing one). */
  CrawlRun(CrawlConfig config, PageParser parser, RunRequest request, RunEnvironment env, InputStream stdin,
      PrintStream stdout, PrintStream stderr, RunEnding ending) {
    this.ending = Objects.requireNonNull(ending, "ending");
    this.config = config;
    this.parser = parser;
    this.request = request;
    this.env = env;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.fatalLine = new FatalLine(stderr, OutOfMemoryHints.hint(env, OutOfMemoryHints.resumeOption(request.out(),
        request.settings().append())), new AtomicBoolean());
  }

  /**
   * Runs and returns the exit code; problems are one line on stderr, never a stack trace (an
   * {@link Error}'s is logged at DEBUG: {@code -v}). An {@code Error} is exit 70 with {@link
   * FatalLine}'s line, at any step, the stats file's and the summary's included.
   */
  int execute() {
    try {
      return run();
    } catch (RunFailure f) {
      CrawlLine.print(stderr, f.getMessage());
      return f.code;
    } catch (RuntimeException | Error thrown) {
      Error e = FatalLine.errorIn(thrown);
      if (e == null) throw thrown;
      fatalLine.print(e); // unless the run printed it as it failed, or its backstop did
      LoggerFactory.getLogger(CrawlRun.class).debug("fatal error", e);
      return ExitCodes.SOFTWARE;
    }
  }

  private int run() {
    Instant startedAt = env.clock().instant();
    RunNames names;
    try {
      names = RunNames.of(request, () -> startedAt.atZone(env.clock().getZone()));
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ExitCodes.USAGE, "invalid option: " + e.getMessage());
    }
    try {
      names.checkNotUrlFile(request.urlFile());
      names.checkNotRulesFile(request.rules());
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ExitCodes.USAGE, e.getMessage());
    }
    CrawlControl control = new CrawlControl(request.settings().grace());
    RunStops stops = new RunStops(control, stderr, env.halt(), System::nanoTime);
    // From here on, a stop signal is the run's, and --max-time counts (see RunStops).
    try (StopSignals.Registration signals = installSignals(stops, names);
        Deadline deadline = Deadline.start(request.settings().maxTime(), () -> stops.accept(StopCause.DEADLINE));
        OutOfMemoryBackstop backstop = startBackstop(control);
        RunLog runLog = RunLog.open(names, stdout, stderr, env.terminal());
        HaltLog.Attached haltLine = backstop.logTo(runLog::halted)) {
      logStarted(names);
      request.warnings().forEach(runLog::record);
      stops.logging(runLog);
      try {
        RunFiles.prepareStats(names);
        return openAndCrawl(names, control, stops, runLog, startedAt);
      } catch (RunFailure f) {
        runLog.failed(f);
        throw f;
      } catch (RuntimeException | Error thrown) {
        Error e = FatalLine.errorIn(thrown);
        if (e == null) throw thrown;
        control.fail(e); // the first OutOfMemoryError frees the backstop's reserve for what follows
        if (fatalLine.print(e)) runLog.fatal(step, e);
        throw e;
      }
    }
  }

  /**
   * Watches for the heap running out ({@link OutOfMemoryBackstop}): a run that has not ended
   * {@code --grace} plus {@link RunEnding#afterGrace} after it ends the process, with the run's
   * one fatal line ({@link #fatalLine}: printed by whichever comes first, the run or the backstop).
   */
  private OutOfMemoryBackstop startBackstop(CrawlControl control) {
    return OutOfMemoryBackstop.start(control, fatalLine, request.settings().grace().plus(ending.afterGrace()),
        env.halt());
  }

  /**
   * The run's first line in its log, before any of its warnings (the options', the earlier results
   * file's), so that a monitor reading a log several runs share credits each to its run: the PID,
   * the list and the output as the summary names it ({@code stdout}, {@code stderr} or the file).
   */
  private void logStarted(RunNames names) {
    StandardStream std = names.out() == null ? StandardStream.STDOUT : StandardStream.of(names.out());
    String out = std != null ? std.label() : names.out().toString();
    log.info("run started pid={} list={} out={}", ProcessHandle.current().pid(), LogText.printable(request.urlFile()),
        LogText.printable(out));
  }

  /**
   * Gives the stop signals to {@code stops}; one that came before (recorded by {@link EarlySignals})
   * arrives now, while nothing is open, and ends the run before its crawl. Then the log is opened.
   */
  private StopSignals.Registration installSignals(RunStops stops, RunNames names) {
    StopSignals.Registration signals = env.signals().install(stops);
    if (names.log() != null) stops.outside(RunActivities.openingLog(names), RunActivities.NOTHING_CRAWLED);
    return signals;
  }

  /** Opens the list and the output, crawls, finishes the output and reports: the run once its log is open. */
  private int openAndCrawl(RunNames names, CrawlControl control, RunStops stops, RunLog runLog, Instant startedAt) {
    try (Reader urls = openUrls(control, stops); ResultOutput output = openOutput(names, stops, runLog)) {
      if (request.settings().resume() && output.standardStream() == null && !names.outStream()) {
        runLog.warn(RunWarnings.nothingToResume(output.resumedFile(), names.out(), request.out(),
            request.settings().append()));
      }
      step = "crawling '" + request.urlFile() + "' and finishing the results in " + output.name();
      RunOutcome outcome = new CrawlPhase(config, parser, request, env, stderr).crawl(urls, output, control, stops,
          runLog);
      if (parser instanceof RulesPageParser ruled) runLog.warn(RunWarnings.noRuleMatched(ruled, request.rules()));
      stops.crawled(RunActivities.finishing(names), RunActivities.crawledLeaves(output, outcome.ioError() != null));
      return report(outcome, output, new RunReport(request, names, output, stdout, stderr, runLog, ending.stats()),
          startedAt);
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.IO, "cannot close '" + request.urlFile() + "': " + IoProblems.describe(e, request.urlFile()));
    }
  }

  /**
   * The summary, then the stats file: the run's last steps. A results file complete by now changes
   * the fatal line's hint: no {@code --resume} is needed ({@link FatalLine#resultsComplete}).
   */
  private int report(RunOutcome outcome, ResultOutput output, RunReport report, Instant startedAt) {
    if (report.resultsComplete(outcome)) fatalLine.resultsComplete(OutOfMemoryHints.complete(env, output.name()));
    step = "writing the summary";
    int code = report.summarize(outcome);
    step = report.statsStep();
    report.writeStats(outcome, code, startedAt, env.clock().instant());
    return code;
  }

  /** The URL list ({@link UrlList#open}), its opening a phase a stop may end. */
  private Reader openUrls(CrawlControl control, RunStops stops) {
    step = "opening the URL file '" + request.urlFile() + "'";
    stops.outside(step, RunActivities.NOTHING_CRAWLED);
    return UrlList.open(request, stdin, control);
  }

  private ResultOutput openOutput(RunNames names, RunStops stops, RunLog runLog) {
    RunSettings s = request.settings();
    StandardStream std = names.out() == null ? StandardStream.STDOUT : StandardStream.of(names.out());
    String doing = RunActivities.openingOutput(names, s);
    step = doing;
    if (s.resume() && std == null && !names.outStream()) stops.resuming(doing, RunActivities.NOTHING_CRAWLED);
    else stops.outside(doing, RunActivities.NOTHING_CRAWLED);
    return RunFiles.openOutput(request, names, stops, runLog, stdout, stderr);
  }

  /** Ends the run early with an exit code and a one-line message. */
  static final class RunFailure extends RuntimeException {
    final int code;

    RunFailure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
