package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;

/**
 * The end of a run: chooses the exit code, prints the summary line (with {@code -q}, only when the
 * exit code is not 0, so that cron mails a quiet run only when it failed or stopped), logs it
 * ({@link RunLog#finished}) and writes the {@code --stats} file; a stats file that cannot be
 * written is a warning, on stderr and in the log. Precedence of exit codes: 3 (results not written) over the stop's
 * code (130, 143, 124) over 1 ({@code --fail-on}) over 0.
 */
final class RunReport {
  private final RunRequest request;
  private final RunNames names;
  private final ResultOutput output;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final RunLog runLog;
  private final RunEnding.StatsWriter statsWriter;

  /** A report written with {@code statsWriter} ({@link RunEnding#stats}) to a stats file that is not a standard stream. */
  RunReport(RunRequest request, RunNames names, ResultOutput output, PrintStream stdout, PrintStream stderr,
      RunLog runLog, RunEnding.StatsWriter statsWriter) {
    this.runLog = runLog;
    this.statsWriter = Objects.requireNonNull(statsWriter, "statsWriter");
    this.request = request;
    this.names = names;
    this.output = output;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Prints the summary line (unless {@code -q} on exit 0), logs it and returns the exit code. */
  int summarize(RunOutcome outcome) {
    int code = exitCode(outcome);
    String line = outcome.ioError() != null ? outcome.ioError() + unfinishedHint() : summaryLine(outcome);
    if (outcome.listError() != null) line = outcome.listError() + (outcome.ioError() != null ? "; " : ": ") + line;
    if (code != ExitCodes.OK || !request.quiet()) CrawlLine.print(stderr, line);
    runLog.finished(code, line);
    return code;
  }

  /**
   * Writes the {@code --stats} file, if the run names one, for a run that ends with {@code code};
   * one that cannot be written is a warning. What to call that step, for a line that names it, is
   * {@link #statsStep}.
   */
  void writeStats(RunOutcome outcome, int code, Instant startedAt, Instant endedAt) {
    if (names.stats() == null) return;
    StatsReport report = StatsReport.of(outcome.stats(), startedAt, endedAt, code, outcome.stoppedBy(),
        output.name(), output.resumedLines(), output.resumedFailed(), outcome.duplicates());
    StandardStream std = StandardStream.of(names.stats());
    try {
      if (std != null) report.writeTo(std.pick(stdout, stderr));
      else statsWriter.write(report, names.stats(), names.statsStream());
    } catch (IOException e) {
      runLog.warn("cannot write stats file '" + names.stats() + "': " + IoProblems.describe(e, names.stats()));
    }
  }

  /** The step {@link #writeStats} is, as a line about an error in it names it. */
  String statsStep() {
    return "writing the stats file '" + names.stats() + "'";
  }

  int exitCode(RunOutcome outcome) {
    if (outcome.ioError() != null) return ExitCodes.IO;
    if (outcome.listError() != null) return ExitCodes.USAGE;
    if (outcome.stoppedBy() != null) return outcome.stoppedBy().exitCode();
    long failed = outcome.summary().failed() + output.resumedFailed();
    long total = outcome.summary().urls() + output.resumedLines();
    return request.settings().failOn().fails(failed, total) ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  private String summaryLine(RunOutcome outcome) {
    StringBuilder line = new StringBuilder();
    if (outcome.stoppedBy() != null) line.append("stopped by ").append(outcome.stoppedBy().label()).append(": ");
    if (output.leftAsItWas()) {
      return line.append("no URL was read; ").append(OutputPhrases.leftAsItWas(output.name())).toString();
    }
    if (output.resumedLines() > 0) {
      long failed = output.resumedFailed();
      line.append("resumed after ").append(output.resumedLines())
          .append(output.resumedLines() == 1 ? " finished line (" : " finished lines (")
          .append(output.resumedLines() - failed).append(" ok, ").append(failed).append(" failed); ");
    }
    line.append(outcome.summary().toLine());
    String untouched = output.appendFileLostUntouched();
    if (untouched != null) return line.append("; ").append(untouched).toString();
    line.append(output.standardStream() != null ? "; results on " : "; results in ").append(output.name());
    if (outcome.stoppedBy() != null && resumable()) line.append("; --resume finishes the run");
    else if (outcome.listError() != null && resumable()) line.append("; once the list is whole, --resume crawls the rest");
    return line.toString();
  }

  /**
   * What an output that failed keeps: the lines written so far, for --resume; or, when none was
   * (the temporary file is empty: removed on close, unless a {@code --resume} emptied it of its
   * {@code cancelled} lines, which keeps it for the next one), the results file as it was; or, when
   * the file of those lines no longer exists (its directory was removed mid-run) or, for {@code
   * --append}, is another file now, that they are lost ({@link ResultOutput#linesLost}).
   */
  private String unfinishedHint() {
    if (!resumable()) return "";
    if (output.wroteNothing()) return "; " + OutputPhrases.nothingWritten(output.name());
    String lost = output.linesLost();
    return lost != null ? "; " + lost : "; the lines written so far are kept (--resume continues the run)";
  }

  /**
   * Whether the run's results file is complete and in place, with nothing for {@code --resume} to
   * continue: a file, written without error, of the whole list, not stopped.
   */
  boolean resultsComplete(RunOutcome outcome) {
    return resumable() && outcome.ioError() == null && outcome.listError() == null && outcome.stoppedBy() == null;
  }

  /** Whether --resume can continue this output: a file, not stdout, a device or a pipe. */
  private boolean resumable() {
    return names.out() != null && !names.outStream();
  }
}
