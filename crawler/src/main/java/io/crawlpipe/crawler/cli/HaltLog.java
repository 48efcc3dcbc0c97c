package io.crawlpipe.crawler.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one {@code --log} line of a run that is about to be halted ({@link OutOfMemoryBackstop}):
 * written on a thread of its own, started with the run (none is created once the heap ran out),
 * and waited for at most {@code wait}, so that a log that does not take it (its lock held by a
 * thread that will not let go, a disk that hangs) never holds the halt back for longer. The line
 * goes to the target {@link #attach}ed, if any. Thread-safe.
 */
final class HaltLog implements AutoCloseable {
  private final AtomicReference<Consumer<String>> target = new AtomicReference<>();
  /** Counted down by {@link #write} (with a line) or {@link #close} (without): the thread's one step. */
  private final CountDownLatch go = new CountDownLatch(1);
  private final CountDownLatch written = new CountDownLatch(1);
  private final Duration wait;
  private volatile String line;

  private HaltLog(Duration wait) {
    this.wait = Objects.requireNonNull(wait, "wait");
  }

  /** A log whose {@link #write} waits at most {@code wait}; its thread is a daemon that ends with {@link #close}. */
  static HaltLog start(Duration wait) {
    HaltLog log = new HaltLog(wait);
    Thread.ofPlatform().name("out-of-memory-backstop-log").daemon().start(log::run);
    return log;
  }

  /** Lines go to {@code to} (not null) until the returned handle is closed. */
  Attached attach(Consumer<String> to) {
    Objects.requireNonNull(to, "to");
    target.set(to);
    return () -> target.compareAndSet(to, null);
  }

  /** The handle of {@link #attach}: closing it detaches the target. */
  interface Attached extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Hands {@code line} to the target and waits until it is written, at most {@code wait}. Once only:
   * a second call, or one after {@link #close}, writes nothing.
   */
  void write(String line) {
    if (go.getCount() == 0) return;
    this.line = line;
    go.countDown();
    try {
      written.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      go.await();
      Consumer<String> to = target.get();
      String shown = line;
      if (to != null && shown != null) to.accept(shown);
    } catch (InterruptedException | RuntimeException | Error e) {
      // nothing written: the halt goes ahead without the line
    } finally {
      written.countDown();
    }
  }

  /** The run has ended: the thread ends without a line. Idempotent. */
  @Override
  public void close() {
    go.countDown();
  }
}
