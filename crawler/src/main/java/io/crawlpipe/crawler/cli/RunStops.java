package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The stop requests of a whole run, from its start to its end: signals are handled from the moment
 * the names are known, and {@code --max-time} counts from then too. While the crawl runs, they go
 * to its {@link StopHandler} (graceful, then at once). Outside it — opening the log, the list and
 * the output (which may wait for a named pipe's reader, or read a large file for {@code
 * --resume}), or writing the stats file at the end — a signal ends the process at once, with one
 * line saying what the run was doing and the signal's exit code; the deadline before the crawl
 * only asks it to stop, so it starts stopped (nothing crawled, exit 124), but while the run reads
 * the file {@code --resume} continues ({@link #resuming}) it ends the process as a signal does; after
 * the crawl it is ignored.
 * The temporary files created through it ({@link TemporaryFileGuard}: {@code --resume}'s rewrite)
 * are deleted before the process ends so, and none is created after ({@link TemporaryFiles}).
 * {@link RunActivities} words what the run does outside the crawl and what a stop then leaves;
 * {@link StopLines} writes a stop's lines, to stderr and the run's log, and ends the process.
 * Thread-safe: signals arrive on the JVM's signal thread, the deadline on its timer.
 */
final class RunStops implements Consumer<StopCause>, TemporaryFileGuard {
  private final StopHandler handler;
  /** {@link #doing} until the run says what it does: nothing is open yet. */
  private static final String STARTING = "starting";
  /** Where a stop's lines go, and how a stop ends the process. */
  private final StopLines lines;
  /** How a stop's line says that it came before the run began opening anything. */
  static final String BEFORE_THE_CRAWL = "before the crawl started";
  /** What the run does outside the crawl ("waiting for a reader of --log 'f'"); null while crawling. */
  private String doing = STARTING;
  /** What a stop now leaves behind, after the line's "; ". */
  private String leaves = "nothing was crawled";
  private boolean crawled;
  /** Whether a deadline now ends the process at once, as a signal does ({@link #resuming}). */
  private boolean deadlineAtOnce;
  /** Set once a deadline the handler took ends the process at once after all ({@link #deadlineNowAtOnce}). */
  private boolean deadlineEnded;
  private Consumer<String> crawlNotice;
  private Consumer<StopCause> crawlAtOnce;
  /** Whether the list has given the crawl a URL yet; false until it starts ({@link #crawling}). */
  private BooleanSupplier reading = () -> false;
  /** Whether every URL of the list, read to its end, has its line; false until the crawl starts. */
  private BooleanSupplier finished = () -> false;
  /** The temporary files being written, deleted before a halt ({@link #create}). */
  private final TemporaryFiles temporary = new TemporaryFiles();

  RunStops(CrawlControl control, PrintStream stderr, IntConsumer halt, LongSupplier nanoTime) {
    this.lines = new StopLines(stderr, halt);
    this.handler = new StopHandler(control, this::notice, this::atOnce, nanoTime, () -> ask(true), () -> ask(false));
  }

  /** The run is now doing {@code what} outside the crawl; a stop would leave {@code leaves}. */
  synchronized void outside(String what, String leaves) {
    this.doing = Objects.requireNonNull(what, "what");
    this.leaves = Objects.requireNonNull(leaves, "leaves");
    this.deadlineAtOnce = false;
  }

  /**
   * As {@link #outside}, while the run reads (and may rewrite) the file {@code --resume} continues:
   * here the deadline too ends the process at once, as a signal does, so that the file is left as
   * it was (the temporary file of its rewrite deleted), not finished without its {@code cancelled}
   * lines by a run that then starts stopped. A deadline that has already passed ends it now.
   */
  void resuming(String what, String leaves) {
    synchronized (this) {
      outside(what, leaves);
      deadlineAtOnce = true;
    }
    // Asked outside this lock, which the handler calls back into. A deadline that comes after the
    // flag is set ends the process itself, and the handler never learns of it.
    if (handler.cause() == StopCause.DEADLINE && deadlineNowAtOnce()) stopNow(StopCause.DEADLINE);
  }

  /**
   * Whether a deadline the handler took (it came before {@link #resuming}, or while it began) is to
   * end the process now: true once, in a phase where the deadline ends it at once.
   */
  private synchronized boolean deadlineNowAtOnce() {
    if (!deadlineAtOnce || deadlineEnded) return false;
    deadlineEnded = true;
    return true;
  }

  /** From now on, each notice (without its {@code crawl: }) also goes to {@code log}. */
  void logging(Consumer<String> log) {
    lines.logging(log);
  }

  /**
   * From now on, notices go to {@code log} ({@link RunLog#note}), and so does the end line of a
   * stop that ends the process outside the crawl ({@link RunLog#ended}).
   */
  void logging(RunLog log) {
    lines.logging(log);
  }

  /**
   * The crawl starts: notices go to {@code notice}, a second signal to {@code atOnce}; {@code
   * reading} tells whether the list has given the crawl a URL yet (a stop's notice promises the URLs
   * in flight their grace only then: before, in {@code --mode processes}, the workers are starting,
   * or a named pipe has no writer yet).
   */
  synchronized void crawling(Consumer<String> notice, Consumer<StopCause> atOnce, BooleanSupplier reading) {
    crawling(notice, atOnce, reading, () -> false);
  }

  /**
   * As above; {@code finished} tells whether the list was read to its end and each of its URLs has
   * its line: a first stop then says that the crawl has finished instead of promising a grace.
   */
  synchronized void crawling(Consumer<String> notice, Consumer<StopCause> atOnce, BooleanSupplier reading,
      BooleanSupplier finished) {
    this.finished = Objects.requireNonNull(finished, "finished");
    this.crawlNotice = Objects.requireNonNull(notice, "notice");
    this.crawlAtOnce = Objects.requireNonNull(atOnce, "atOnce");
    this.reading = Objects.requireNonNull(reading, "reading");
    this.doing = null;
    this.deadlineAtOnce = false;
  }

  /** Asks the crawl whether it reads its list ({@code reading}) or else whether it has finished; outside the lock. */
  private boolean ask(boolean reading) {
    BooleanSupplier question;
    synchronized (this) {
      question = reading ? this.reading : finished;
    }
    return question.getAsBoolean();
  }

  /** The crawl is over: from now on, the run does {@code what}, and a stop leaves {@code leaves}. */
  synchronized void crawled(String what, String leaves) {
    crawled = true;
    outside(what, leaves);
  }

  /**
   * Creates {@code file} and lists it until {@link #release}: a stop that ends the process deletes
   * it first, and none is created after such a stop (see {@link TemporaryFiles}).
   *
   * @throws IOException from {@code opener}, or when such a stop has begun (nothing is created)
   */
  @Override
  public FileChannel create(Path file, Opener opener) throws IOException {
    return temporary.create(file, opener);
  }

  @Override
  public void release(Path file) {
    temporary.release(file);
  }

  /** The first stop request's cause, or null when none came. */
  StopCause cause() {
    return handler.cause();
  }

  @Override
  public void accept(StopCause cause) {
    String what;
    boolean graceful;
    synchronized (this) {
      what = doing;
      if (what != null && cause == StopCause.DEADLINE && crawled) return;
      graceful = what == null || cause == StopCause.DEADLINE && !deadlineAtOnce;
    }
    if (!graceful) {
      stopNow(cause);
    } else {
      handler.accept(cause);
      if (cause == StopCause.DEADLINE && deadlineNowAtOnce()) stopNow(cause);
    }
  }

  private void notice(String text) {
    Consumer<String> notice;
    String what;
    synchronized (this) {
      notice = crawlNotice;
      what = doing;
    }
    if (what == null) {
      notice.accept(CrawlLine.of(text));
      lines.logged(text);
    } else {
      lines.deadlinePassed(what);
    }
  }

  private void atOnce(StopCause cause) {
    Consumer<StopCause> atOnce;
    synchronized (this) {
      atOnce = doing == null ? crawlAtOnce : null;
    }
    if (atOnce != null) atOnce.accept(cause);
    else stopNow(cause);
  }

  /** Outside the crawl: one line saying what the run was doing, then the process ends. */
  private void stopNow(StopCause cause) {
    String line;
    synchronized (this) {
      line = "stopped by " + cause.label() + (doing.equals(STARTING) ? " " + BEFORE_THE_CRAWL : " while " + doing) + "; "
          + leaves;
      temporary.deleteAll();
    }
    lines.end(cause.exitCode(), line);
  }
}
