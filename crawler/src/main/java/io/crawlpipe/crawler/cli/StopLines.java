package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.LogText;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.LoggerFactory;

/**
 * Where the lines of {@link RunStops} go: standard error, and the run's log once it is open. It
 * writes a notice of the crawl's to the log (the crawl prints it), the line saying that {@code
 * --max-time} passed outside the crawl, and the end line of a stop that ends the process, which it
 * then ends. Until the log is open, an end line goes to the run logger. Thread-safe: where the
 * lines go may change, from any thread, while they are written; each line goes to where it went
 * when it was written.
 */
final class StopLines {
  private final PrintStream stderr;
  private final IntConsumer halt;
  /** Where a notice is written besides stderr: the run's log once open ({@link RunLog#note}). */
  private Consumer<String> logged = text -> { };
  /** Where the end line of a stop that ends the process goes: the run's log once open ({@link RunLog#ended}). */
  private EndLine ended = (code, line) -> LoggerFactory.getLogger(LogFile.RUN_LOGGER)
      .info("run ended exit={}: {}", code, LogText.printable(line));

  /** Lines to {@code stderr}; {@code halt} ends the process with the exit code it is given. */
  StopLines(PrintStream stderr, IntConsumer halt) {
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.halt = Objects.requireNonNull(halt, "halt");
  }

  /** From now on, each notice (without its {@code crawl: }) also goes to {@code log}. */
  synchronized void logging(Consumer<String> log) {
    this.logged = Objects.requireNonNull(log, "log");
  }

  /** From now on, notices go to {@code log} ({@link RunLog#note}), and so do end lines ({@link RunLog#ended}). */
  synchronized void logging(RunLog log) {
    logging(log::note);
    this.ended = log::ended;
  }

  /** Writes a notice the crawl printed ({@code text}, without its {@code crawl: }) to the log. */
  void logged(String text) {
    logger().accept(text);
  }

  /** Prints and logs that the deadline passed while the run was doing {@code what}, outside the crawl. */
  void deadlinePassed(String what) {
    Consumer<String> log = logger();
    String passed = "--max-time: the deadline passed while " + what + "; no URL will be crawled";
    CrawlLine.print(stderr, passed);
    log.accept(passed);
  }

  /** Prints {@code line}, logs it as the end line with exit code {@code code}, and ends the process so. */
  void end(int code, String line) {
    EndLine log;
    synchronized (this) {
      log = ended;
    }
    CrawlLine.print(stderr, line);
    stderr.flush();
    log.ended(code, line);
    halt.accept(code);
  }

  private synchronized Consumer<String> logger() {
    return logged;
  }

  /** Takes the end line of a run a stop ends at once: {@code run ended exit=CODE: LINE}. */
  @FunctionalInterface
  interface EndLine {
    void ended(int code, String line);
  }
}
