package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live progress line drawn on an interactive stderr, redrawn every second in place ({@code \r}
 * and erase-line): {@code 1200/5000 URLs (24%), 85.1/s, 12 errors, ETA 0:44}. The total is what
 * the supplier knows: the list file's URL lines from a quick counting pass ({@link LineCounter}),
 * then the exact distinct count once the crawl's reader reaches the end; {@code ?} (and no ETA)
 * until either is known, e.g. for a list on stdin. Counts and rate come from the run's {@link
 * CrawlStats}: the rate is this run's lines over the crawl's span so far ({@code 0.0/s} until the
 * crawl starts reading the list), the same figure the summary line ends with.
 * A silent instance (not a terminal, or {@code -q}) draws nothing. Thread-safe; closing erases it.
 */
final class ProgressLine implements AutoCloseable {
  private final PrintStream err;
  private final CrawlStats stats;
  private final LongSupplier total;
  private final long resumed;
  private final ScheduledExecutorService timer;
  private boolean drawn;
  private boolean closed;

  private ProgressLine(PrintStream err, CrawlStats stats, LongSupplier total, long resumed, boolean visible) {
    this.err = err;
    this.stats = stats;
    this.total = total;
    this.resumed = resumed;
    this.timer = visible ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("progress").daemon()
        .factory()) : null;
  }

  /**
   * Starts drawing when {@code visible}: at once, then every second. {@code total} gives the number
   * of distinct lines once known, else -1; {@code resumed} lines were done by an earlier run.
   */
  static ProgressLine start(PrintStream err, CrawlStats stats, LongSupplier total, long resumed, boolean visible) {
    ProgressLine line = new ProgressLine(err, stats, total, resumed, visible);
    if (visible) {
      line.draw();
      line.timer.scheduleAtFixedRate(line::draw, 1, 1, TimeUnit.SECONDS);
    }
    return line;
  }

  private synchronized void draw() {
    if (closed) return;
    long done = stats.results();
    double seconds = stats.elapsed().toNanos() / 1e9;
    err.print("\r" + render(resumed + done, total.getAsLong(), done, stats.failed(), seconds) + "\033[K");
    err.flush();
    drawn = true;
  }

  /** The text of the line: done/total, percent, rate of this run, errors and ETA. Pure. */
  static String render(long done, long total, long doneThisRun, long errors, double seconds) {
    double rate = seconds > 0 ? doneThisRun / seconds : 0;
    StringBuilder s = new StringBuilder("crawl: ").append(done).append('/');
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
  synchronized void message(String text) {
    if (drawn) err.print("\r\033[K");
    err.println(text);
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
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }
}
