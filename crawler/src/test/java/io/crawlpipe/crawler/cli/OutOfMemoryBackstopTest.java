package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.CrawlControl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A run that ran out of heap and does not end by itself (a broken thread left a fetch that never
 * ends) is ended by its backstop: the documented fatal line, then exit 70. One that ends in time
 * is left alone, and an error other than out of memory does not start the wait.
 */
class OutOfMemoryBackstopTest {
  private static final String HINT = " (the heap, CRAWLPIPE_HEAP=24m, is too small for this run: raise it)";
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
  private final AtomicInteger halted = new AtomicInteger(-1);
  private final CrawlControl control = new CrawlControl(Duration.ZERO);
  /** The run's one fatal line, shared by the run and its backstop. */
  private final FatalLine fatalLine = new FatalLine(stderr, HINT, new AtomicBoolean());

  private OutOfMemoryBackstop start(Duration bound) {
    return OutOfMemoryBackstop.start(control, fatalLine, bound, halted::set);
  }

  @Test
  void aRunThatDoesNotEndAfterRunningOutOfHeapIsHaltedWithTheFatalLine() {
    try (OutOfMemoryBackstop backstop = start(Duration.ofMillis(50))) {
      assertThat(backstop.holdsReserve()).isTrue();

      control.fail(new OutOfMemoryError("Java heap space"));

      assertThat(backstop.holdsReserve()).as("the reserve is freed for the stop").isFalse();
      Conditions.await(() -> halted.get() != -1);
    }
    assertThat(halted.get()).isEqualTo(70);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("crawl: fatal error: java.lang.OutOfMemoryError: Java heap space" + HINT + "\n");
    assertThat(control.stopReason()).as("the run was stopped first").isEqualTo("internal error");
  }

  @Test
  void theFatalLineIsPrintedOnceWhenTheRunPrintedItAsTheBackstopFired() {
    // the run's own path got there first: its line is printed, and the backstop's timer runs out
    try (OutOfMemoryBackstop backstop = start(Duration.ZERO)) {
      OutOfMemoryError error = new OutOfMemoryError("Java heap space");
      assertThat(fatalLine.print(error)).isTrue();

      control.fail(error);
      Conditions.await(() -> halted.get() != -1);
    }
    assertThat(halted.get()).isEqualTo(70);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("crawl: fatal error: java.lang.OutOfMemoryError: Java heap space" + HINT + "\n");
  }

  @Test
  void theRunPrintsNoSecondFatalLineAfterTheBackstopPrintedIt() {
    try (OutOfMemoryBackstop backstop = start(Duration.ZERO)) {
      OutOfMemoryError error = new OutOfMemoryError("Java heap space");
      control.fail(error);
      Conditions.await(() -> halted.get() != -1);

      assertThat(fatalLine.print(error)).as("the run, ending as the backstop halts").isFalse();
    }
    assertThat(halted.get()).isEqualTo(70);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("crawl: fatal error: java.lang.OutOfMemoryError: Java heap space" + HINT + "\n");
  }

  @Test
  void theHaltWritesTheRunsEndLineToItsLogFirst() {
    List<String> logged = new CopyOnWriteArrayList<>();
    AtomicReference<List<String>> loggedAtTheHalt = new AtomicReference<>();
    try (OutOfMemoryBackstop backstop = OutOfMemoryBackstop.start(control, fatalLine, Duration.ofSeconds(2),
            code -> loggedAtTheHalt.set(List.copyOf(logged)));
        HaltLog.Attached log = backstop.logTo(logged::add)) {
      control.fail(new OutOfMemoryError("Java heap space"));
      Conditions.await(() -> loggedAtTheHalt.get() != null);
    }
    assertThat(loggedAtTheHalt.get()).containsExactly(
        "fatal error: java.lang.OutOfMemoryError: Java heap space; the run had not ended 2 s later: halted");
  }

  @Test
  void aLogThatDoesNotTakeTheLineDoesNotHoldTheHaltBack() {
    CountDownLatch never = new CountDownLatch(1);
    try (OutOfMemoryBackstop backstop = start(Duration.ZERO);
        HaltLog.Attached log = backstop.logTo(line -> awaitQuietly(never))) { // its lock held for good, say
      control.fail(new OutOfMemoryError("Java heap space"));
      Conditions.await(() -> halted.get() != -1);
    } finally {
      never.countDown();
    }
    assertThat(halted.get()).isEqualTo(70);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRunThatEndsInTimeIsNotHalted() {
    OutOfMemoryBackstop backstop = start(Duration.ofHours(1));
    control.fail(new OutOfMemoryError("Java heap space"));

    backstop.close();

    assertThat(halted.get()).isEqualTo(-1);
    assertThat(err.size()).isZero();
  }

  @Test
  void anotherErrorKeepsTheReserveAndStartsNoWait() {
    try (OutOfMemoryBackstop backstop = start(Duration.ZERO)) {
      control.fail(new StackOverflowError());

      assertThat(backstop.holdsReserve()).isTrue();
    }
    assertThat(halted.get()).isEqualTo(-1);
  }
}
