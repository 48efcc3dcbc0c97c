package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The live progress line drawn on an interactive stderr, redrawn every second in place ({@code \r}
 * and erase-line): {@code 1200/5000 URLs (24%), 85.1/s, 12 errors, ETA 0:44}. The total is what
 * the supplier knows: the list file's URL lines from a quick counting pass ({@link LineCounter}),
 * then the exact distinct count once the crawl's reader reaches the end; {@code ?} (and no ETA)
 * until either is known, e.g. for a list on stdin. Counts and rate come from the run's {@link
 * CrawlStats}: the rate is this run's lines over the crawl's span so far ({@code 0.0/s} until the
 * crawl starts reading the list), the same figure the summary line ends with.
 * The line is cut to the terminal's width ({@link Screen}), so a narrow terminal never wraps it.
 * While it is shown, the log's lines for stderr, {@code --log /dev/stderr}'s too, come through it
 * ({@link Logging#above}): each
 * erases the line, is written, and the line is drawn again below it, as {@link #message} does.
 * A silent instance (see {@link Screen#of}) draws nothing. Thread-safe; closing erases it and gives
 * the log its stderr back.
 */
final class ProgressLine implements AutoCloseable {
  private final PrintStream err;
  private final CrawlStats stats;
  private final LongSupplier total;
  private final long resumed;
  private final int width;
  private final ScheduledExecutorService timer;
  private Runnable logBack = () -> { };
  private boolean drawn;
  private boolean closed;

  private ProgressLine(PrintStream err, CrawlStats stats, LongSupplier total, long resumed, Screen screen) {
    this.err = err;
    this.stats = stats;
    this.total = total;
    this.resumed = resumed;
    this.width = Math.max(1, screen.columns() - 1); // the last column left empty: no wrap on any terminal
    this.timer = screen.visible() ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("progress")
        .daemon().factory()) : null;
  }

  /**
   * Starts drawing when the screen is visible: at once, then every second, and takes the log's
   * stderr lines until closed. Draws nothing while the log goes to a terminal device other than
   * through {@code err} ({@link Logging#onTerminal}: {@code --log /dev/tty}), where log lines
   * would be glued to it. {@code total} gives the number of distinct lines once known, else
   * -1; {@code resumed} lines were done by an earlier run.
   */
  static ProgressLine start(PrintStream err, CrawlStats stats, LongSupplier total, long resumed, Screen screen) {
    Screen shown = screen.visible() && Logging.onTerminal() ? new Screen(false, screen.columns()) : screen;
    ProgressLine line = new ProgressLine(err, stats, total, resumed, shown);
    if (shown.visible()) {
      line.draw();
      line.takeLog();
      line.timer.scheduleAtFixedRate(line::draw, 1, 1, TimeUnit.SECONDS);
    }
    return line;
  }

  private synchronized void takeLog() {
    if (!closed) logBack = Logging.above(this, err);
  }

  private synchronized void draw() {
    if (closed) return;
    long done = stats.results();
    double seconds = stats.elapsed().toNanos() / 1e9;
    String text = render(resumed + done, total.getAsLong(), done, stats.failed(), seconds);
    err.print("\r" + (text.length() > width ? text.substring(0, width) : text) + "\033[K");
    err.flush();
    drawn = true;
  }

  /** The text of the line: done/total, percent, rate of this run, errors and ETA. Pure. */
  static String render(long done, long total, long doneThisRun, long errors, double seconds) {
    double rate = seconds > 0 ? doneThisRun / seconds : 0;
    StringBuilder s = new StringBuilder(CrawlLine.PREFIX).append(done).append('/');
    if (total >= 0) {
      s.append(total).append(" URLs (").append(total == 0 ? 100 : Math.min(100, done * 100 / total)).append("%)");
    } else {
      s.append("? URLs");
    }
    s.append(String.format(Locale.ROOT, ", %.1f/s, %d %s, ETA ", rate, errors, errors == 1 ? "error" : "errors"));
    if (total < 0 || rate <= 0) return s.append('?').toString();
    long eta = (long) Math.ceil(Math.max(0, total - done) / rate);
    return s.append(eta / 3600 > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60)
        : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60)).toString();
  }

  /** Prints a message line to stderr without mangling the progress line (which is redrawn after it). */
  void message(String text) {
    above(stream -> stream.println(text));
  }

  /** Writes a log line's bytes (its line end included) to stderr as {@link #message} prints a line. */
  void log(byte[] line) {
    above(stream -> stream.write(line, 0, line.length));
  }

  private synchronized void above(Consumer<PrintStream> write) {
    if (drawn) err.print("\r\033[K");
    write.accept(err);
    err.flush();
    drawn = false;
    if (timer != null && !closed) draw();
  }

  /** Stops redrawing and erases the line, so the next message starts on a clean line. Idempotent. */
  @Override
  public synchronized void close() {
    if (timer == null || closed) return;
    closed = true;
    timer.shutdownNow();
    logBack.run();
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  /**
   * Whether the line is drawn, and how many columns the terminal has.
   *
   * @param columns the terminal's width, at least 1; the line is cut one column short of it
   */
  record Screen(boolean visible, int columns) {
    /** The width of a terminal that does not say its own: {@code COLUMNS} unset. */
    static final int DEFAULT_COLUMNS = 80;

    Screen {
      if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, was " + columns);
    }

    /**
     * The run's screen: visible unless {@code quiet}, stderr is not a terminal, the environment's
     * {@code TERM} is {@code dumb} (a terminal that cannot take {@code \r} and {@code ESC[K}: an
     * editor's shell buffer, a CI log viewer), the {@code results}
     * go to stderr (the line would be redrawn in the middle of their lines), they go to stdout
     * and stdout is stderr's terminal ({@link Terminal#sharesStdout}: they would be written into the
     * line's place), or they go to a file that is stderr's terminal ({@link Terminal#sharesFile}: {@code
     * --out /dev/tty} with stderr on the controlling terminal; another terminal keeps the line). As
     * wide as the environment's {@code COLUMNS} says, else {@link #DEFAULT_COLUMNS}.
     *
     * @param results the standard stream the results are written to, or null for a file
     * @param file the file the results are written to, or null (a standard stream's)
     */
    static Screen of(RunEnvironment env, boolean quiet, StandardStream results, Path file) {
      Terminal terminal = env.terminal();
      boolean visible = !quiet && terminal.interactive() && !"dumb".equals(env.variables().apply("TERM"))
          && results != StandardStream.STDERR
          && !(results == StandardStream.STDOUT && terminal.sharesStdout())
          && !(file != null && terminal.sharesFile(file));
      return new Screen(visible, columns(env.variables().apply("COLUMNS")));
    }

    /** {@code COLUMNS}'s value as a width: a positive whole number, else {@link #DEFAULT_COLUMNS}. */
    static int columns(String value) {
      if (value == null || !value.strip().matches("[0-9]{1,5}")) return DEFAULT_COLUMNS;
      int columns = Integer.parseInt(value.strip());
      return columns > 0 ? columns : DEFAULT_COLUMNS;
    }
  }
}
