package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlControl;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Makes running out of heap end a run, always. From its start, the run holds a small reserve of
 * heap and a thread that waits; the first {@link OutOfMemoryError} the run's control hears of
 * ({@link CrawlControl#fail}: from the crawl's threads, or any thread's uncaught one through
 * {@link UncaughtErrors}) frees the reserve, so that the stop can allocate what it needs, and starts
 * the wait. A run that has not ended ({@link #close}) {@code bound} after that error prints the
 * documented fatal line ({@link FatalLine}, prepared when the run started; unless the run printed it
 * already, as it ended at that moment: the line is the run's one-shot) and ends the process with
 * exit 70: a broken
 * thread (the HTTP client's timer, say) can leave a fetch that never ends, which would hold the run
 * past {@code --max-time} and every signal. Before the halt, the run's {@code --log} gets its end
 * line ({@link #logTo}), if the log takes it within {@link #LOG_WAIT}. Nothing is created after
 * the error but those lines.
 *
 * <p>Thread-safe: any thread reports; the run's thread closes.
 */
final class OutOfMemoryBackstop implements AutoCloseable {
  /** How long after the grace a run that ran out of heap may take to end by itself. */
  static final Duration AFTER_GRACE = Duration.ofSeconds(10);
  /** How long the halt waits for the run's log to take its end line ({@link HaltLog}). */
  static final Duration LOG_WAIT = Duration.ofSeconds(1);
  private static final int RESERVE_BYTES = 1 << 20;
  private volatile byte[] reserve = new byte[RESERVE_BYTES];
  private final AtomicReference<OutOfMemoryError> first = new AtomicReference<>();
  /** Counted down by the first error, and by {@link #close}. */
  private final CountDownLatch woken = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final FatalLine fatalLine;
  private final Duration bound;
  private final IntConsumer halt;
  private final Runnable detach;
  private final HaltLog haltLog = HaltLog.start(LOG_WAIT);

  private OutOfMemoryBackstop(FatalLine fatalLine, Duration bound, IntConsumer halt, Runnable detach) {
    this.fatalLine = Objects.requireNonNull(fatalLine, "fatalLine");
    this.bound = Objects.requireNonNull(bound, "bound");
    this.halt = Objects.requireNonNull(halt, "halt");
    this.detach = detach;
  }

  /**
   * Watches the run of {@code control}: its first {@code OutOfMemoryError} fails it ({@link
   * CrawlControl#fail}) and, if it has not ended {@code bound} later, {@code halt} is given 70 after
   * {@code fatalLine} was printed (by the backstop, or by the run before it: never twice). Uncaught
   * errors of any thread go to {@code control} until closed.
   */
  static OutOfMemoryBackstop start(CrawlControl control, FatalLine fatalLine, Duration bound, IntConsumer halt) {
    OutOfMemoryBackstop backstop = new OutOfMemoryBackstop(fatalLine, bound, halt,
        UncaughtErrors.attach(control::fail));
    control.onFailure(backstop::seen);
    Thread.ofPlatform().name("out-of-memory-backstop").daemon().start(backstop::watch);
    return backstop;
  }

  /** Takes the run's fatal error: the first {@code OutOfMemoryError} frees the reserve and starts the wait. */
  void seen(Throwable error) {
    if (!(error instanceof OutOfMemoryError oom) || !first.compareAndSet(null, oom)) return;
    reserve = null;
    woken.countDown();
  }

  private void watch() {
    try {
      woken.await();
      if (first.get() == null || closed.await(bound.toNanos(), TimeUnit.NANOSECONDS)) return;
    } catch (InterruptedException e) {
      return;
    }
    try {
      if (fatalLine.print(first.get())) logEnd(); // unless the run printed it (and logged it) as it ended
    } finally {
      halt.accept(ExitCodes.SOFTWARE);
    }
  }

  /**
   * The halt's line in the run's log, {@code fatal error: ERROR; the run had not ended N s later:
   * halted}, handed to the log given to {@link #logTo} (if any) and waited for at most {@link #LOG_WAIT}.
   */
  private void logEnd() {
    String line = "fatal error: java.lang.OutOfMemoryError: Java heap space";
    try {
      line = "fatal error: " + first.get() + "; the run had not ended " + bound.toSeconds() + " s later: halted";
    } catch (RuntimeException | Error e) {
      // the line naming the usual error will do
    }
    haltLog.write(line);
  }

  /**
   * The halt's line goes to {@code endLine} ({@link RunLog#halted}) until the returned handle is
   * closed: close it before the log.
   */
  HaltLog.Attached logTo(Consumer<String> endLine) {
    return haltLog.attach(endLine);
  }

  /** The run has ended: nothing to halt. Idempotent. */
  @Override
  public void close() {
    haltLog.close();
    detach.run();
    closed.countDown();
    woken.countDown();
  }

  /** Whether the reserve is still held (tests). */
  boolean holdsReserve() {
    return reserve != null;
  }
}
