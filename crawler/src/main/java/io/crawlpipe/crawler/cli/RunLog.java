package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.cli.CrawlRun.RunFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's side of {@code --log}: opens the {@link LogFile} when the run names one, and writes
 * there, as well as on stderr, what a cron job's mail would show: the run's warnings and a run
 * that ended with an error before its summary (a lock held by another run, a missing list). With
 * no {@code --log}, or a log on stderr itself, nothing is written twice. Its lines on stderr, and
 * the log's own warnings (a failed write, a lock it cannot use, which can come from any thread),
 * go above the progress line while one is shown ({@link #above}). What it writes to the log has its
 * characters that are not printable escaped ({@link io.crawlpipe.crawler.LogText#printable}), as its
 * lines on stderr have ({@link CrawlLine}): a name with a newline stays in one entry. Used by one
 * thread, but for those warnings and {@link #halted}; closing restores logging to stderr.
 */
final class RunLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogFile.RUN_LOGGER);
  private final LogFile file;
  private final boolean separate;
  private final PrintStream stderr;
  /** Prints a line on stderr: stderr's println, or the progress line's message while one is shown. */
  private final AtomicReference<Consumer<String>> lines;

  /** The run's standard stream the log is written through ({@code --log /dev/stdout}), or null. */
  private final StandardStream stream;

  private RunLog(LogFile file, boolean separate, PrintStream stderr, AtomicReference<Consumer<String>> lines,
      StandardStream stream) {
    this.file = file;
    this.separate = separate;
    this.stderr = stderr;
    this.lines = lines;
    this.stream = stream;
  }

  /** The run's standard stream the log is written through, or null (stderr by default, a file, none). */
  StandardStream stream() {
    return stream;
  }

  /**
   * The log {@code names} asks for, opened now, or none; {@code terminal} tells whether a device
   * it names is stderr's terminal ({@link LogFile#open(Path, boolean, Terminal, Consumer)}).
   *
   * @throws RunFailure (exit 2) when it cannot be opened
   */
  static RunLog open(RunNames names, PrintStream stdout, PrintStream stderr, Terminal terminal) {
    AtomicReference<Consumer<String>> lines = new AtomicReference<>(stderr::println);
    if (names.log() == null) return new RunLog(null, false, stderr, lines, null);
    StandardStream std = StandardStream.of(names.log());
    Consumer<String> warn = line -> lines.get().accept(line);
    try {
      LogFile file = std != null ? LogFile.to(std.pick(stdout, stderr), std, warn)
          : LogFile.open(names.log(), names.logStream(), terminal, warn);
      return new RunLog(file, std != StandardStream.STDERR, stderr, lines, std);
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.USAGE, "cannot write log file '" + names.log() + "': "
          + IoProblems.describe(e, names.log()));
    }
  }

  /** Prints {@code warning} (nothing if null) as {@code crawl: warning: ...} and writes it to the log. */
  void warn(String warning) {
    if (warning == null) return;
    lines.get().accept(CrawlLine.of("warning: " + warning));
    record(warning);
  }

  /**
   * Prints the run's warnings and the log's own above {@code progress} until the returned handle
   * is closed, so that none is glued to the line; then on stderr again.
   */
  Above above(ProgressLine progress) {
    lines.set(progress::message);
    return () -> lines.set(stderr::println);
  }

  /** The handle of {@link #above}: closing it prints on stderr again. */
  interface Above extends AutoCloseable {
    @Override
    void close();
  }

  /** Writes to the log a warning already printed on stderr. */
  void record(String warning) {
    if (separate) log.warn(LogText.printable(warning));
  }

  /**
   * Writes to the log, at INFO, a notice already printed on stderr (a stop's), or one stderr's
   * summary says in its own words (a stop while the worker processes were starting).
   */
  void note(String notice) {
    if (separate) log.info(LogText.printable(notice));
  }

  /** Writes to the log how a run that ends with {@code failure} ended; its line on stderr is the caller's. */
  void failed(RunFailure failure) {
    if (separate) log.warn("run ended exit={}: {}", failure.code, LogText.printable(failure.getMessage()));
  }

  /**
   * Writes to the log, as {@code run ended exit=CODE: LINE}, how a run that ends the process now
   * ended (a second signal); its line on stderr is the caller's. At WARN in a log of its own; in
   * a log on stderr at INFO (shown with {@code -v}), since stderr has the line already.
   */
  void ended(int code, String line) {
    String shown = LogText.printable(line);
    if (separate) log.warn("run ended exit={}: {}", code, shown);
    else log.info("run ended exit={}: {}", code, shown);
  }

  /**
   * Writes to the log, as {@code run ended exit=70: fatal error while STEP: ERROR}, that {@code
   * error} ended the run while it was doing {@code step} ("writing the stats file 'f'"); its line on
   * stderr is the caller's ({@link FatalLine}). At ERROR in a log of its own, which may already
   * hold the run's {@code run finished} line (the error came after it); in a log on stderr at INFO
   * (shown with {@code -v}). Never throws: the run is already failing.
   */
  void fatal(String step, Throwable error) {
    try {
      halted("fatal error while " + step + ": " + error);
    } catch (RuntimeException | Error unlogged) {
      // out of heap again, say: the line on stderr still says it
    }
  }

  /**
   * Writes to the log, as {@code run ended exit=70: LINE}, how a fatal error ended the run, at
   * ERROR in a log of its own, at INFO in a log on stderr (which has the fatal line already): the
   * line of {@link #fatal}, or of an {@link OutOfMemoryBackstop} that halts the process. Any thread.
   */
  void halted(String line) {
    String shown = LogText.printable(line);
    if (separate) log.error("run ended exit={}: {}", ExitCodes.SOFTWARE, shown);
    else log.info("run ended exit={}: {}", ExitCodes.SOFTWARE, shown);
  }

  /**
   * Writes to the log the end line of a run that got to its summary, {@code run finished
   * exit=CODE: SUMMARY}: at INFO for exit 0 and 1 (the crawl's own verdict), at WARN for any other
   * code (a stop, results not written, a list read in part) in a log of its own. In a log on
   * stderr, which shows the summary already, always at INFO.
   */
  void finished(int code, String summary) {
    boolean clean = code == ExitCodes.OK || code == ExitCodes.SOME_FAILED;
    String shown = LogText.printable(summary);
    if (separate && !clean) log.warn("run finished exit={}: {}", code, shown);
    else log.info("run finished exit={}: {}", code, shown);
  }

  @Override
  public void close() {
    if (file != null) file.close();
  }
}
