package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InFlightTest {
  private static final Instant T = Instant.parse("2026-11-23T00:00:00Z");
  private final List<CrawlResult> written = new ArrayList<>();

  private static CrawlResult line(String url) {
    return CrawlResult.failure(url, T, 0, 1, new ResultError(ErrorType.IO, "test"));
  }

  private void storeAll(InFlight inFlight, int from, int to) {
    for (int i = from; i < to; i++) inFlight.store("u" + i, line("u" + i), written::add);
  }

  @Test
  void aFullReaderResumesOnceABatchOfSlotsIsFreeNotOnEachStoredLine() throws Exception {
    // wakes a waiting reader once 32 / 16 = 2 slots are free; patient enough not to look again meanwhile
    InFlight inFlight = new InFlight(32, Duration.ofHours(1));
    for (int i = 0; i < 32; i++) assertThat(inFlight.admit("u" + i, T)).isTrue();
    Thread reader = Thread.ofPlatform().start(() -> inFlight.admit("u32", T));
    Conditions.await(inFlight::hasWaiters);

    storeAll(inFlight, 0, 1);
    assertThat(inFlight.hasWaiters()).as("reader still asleep after one stored line").isTrue();
    storeAll(inFlight, 1, 2);
    reader.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(reader.isAlive()).isFalse();
    assertThat(written).hasSize(2);
  }

  @Test
  void aReaderWaitingForABatchTakesASingleFreeSlotAfterItsPatience() throws Exception {
    // a slow host holding most slots frees them one at a time: the URLs read after its own must not
    // wait for 32 / 16 = 2 of its answers (at 10,000 slots, 625 answers: minutes behind a slow host)
    InFlight inFlight = new InFlight(32, Duration.ofMillis(20));
    for (int i = 0; i < 32; i++) assertThat(inFlight.admit("u" + i, T)).isTrue();
    CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> inFlight.admit("u32", T));
    Conditions.await(inFlight::hasWaiters);

    storeAll(inFlight, 0, 1);

    assertThat(admitted.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written).hasSize(1);
  }

  @Test
  void anInterruptedReaderKeepsWaitingForASlotAndItsInterruptStatus() throws Exception {
    InFlight inFlight = new InFlight(1, Duration.ofMillis(20));
    inFlight.admit("u0", T);
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread reader = Thread.ofPlatform().start(() -> {
      inFlight.admit("u1", T);
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    Conditions.await(inFlight::hasWaiters);
    reader.interrupt();
    assertThat(reader.isAlive()).as("still waiting for a slot").isTrue();

    storeAll(inFlight, 0, 1);
    reader.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(reader.isAlive()).isFalse();
    assertThat(interruptedAfter).isTrue();
  }

  @Test
  void aSmallBoundWakesTheReaderOnTheFirstFreeSlot() throws Exception {
    InFlight inFlight = new InFlight(3);
    for (int i = 0; i < 3; i++) inFlight.admit("u" + i, T);
    CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> inFlight.admit("u3", T));

    storeAll(inFlight, 0, 1);

    assertThat(admitted.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void awaitDoneReturnsOnceTheLastAdmittedLineIsStored() throws Exception {
    InFlight inFlight = new InFlight(100);
    for (int i = 0; i < 40; i++) inFlight.admit("u" + i, T);
    Thread waiter = Thread.ofPlatform().start(inFlight::awaitDone);
    Conditions.await(inFlight::hasWaiters);

    storeAll(inFlight, 0, 39);
    assertThat(inFlight.hasWaiters()).as("awaitDone still asleep with one line to go").isTrue();
    storeAll(inFlight, 39, 40);
    waiter.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(waiter.isAlive()).isFalse();
    assertThat(written).hasSize(40);
  }

  @Test
  void aStopWakesAWaitingReaderWhichKeepsItsUrlAsideForCancelling() throws Exception {
    InFlight inFlight = new InFlight(1);
    inFlight.admit("u0", T);
    CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> inFlight.admit("u1", T));

    inFlight.stop("test", java.time.Duration.ZERO);

    assertThat(admitted.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(inFlight.cancelRemaining(written::add, T)).isEqualTo(2);
    assertThat(written).extracting(CrawlResult::url).containsExactlyInAnyOrder("u0", "u1");
  }

  @Test
  void theUrlTheReaderHeldAtTheStopIsCancelledAsNeverFetchedWithNoElapsedTime() throws Exception {
    InFlight inFlight = new InFlight(1);
    inFlight.admit("running", T);
    inFlight.started("running");
    CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> inFlight.admit("held", T));
    inFlight.stop("test", java.time.Duration.ZERO);
    assertThat(admitted.get(10, TimeUnit.SECONDS)).isFalse();

    inFlight.cancelRemaining(written::add, T.plusSeconds(5));
    assertThat(written).hasSize(2).allSatisfy(r -> assertThat(r.fetchedAt()).isEqualTo(T));
    assertThat(written).filteredOn(r -> r.url().equals("running")).singleElement()
        .satisfies(r -> assertThat(r.elapsedMs()).as("its request may have been running").isEqualTo(5_000));
    assertThat(written).filteredOn(r -> r.url().equals("held")).singleElement()
        .satisfies(r -> assertThat(r.elapsedMs()).isZero());
  }

  @Test
  void anAdmittedUrlWhoseRequestWasNeverHandedOnIsCancelledAsNeverFetched() {
    InFlight inFlight = new InFlight(4);
    inFlight.admit("running", T);
    inFlight.admit("queued", T);
    inFlight.started("running");
    inFlight.stop("SIGTERM", java.time.Duration.ZERO);

    inFlight.cancelRemaining(written::add, T.plusSeconds(5));
    assertThat(written).filteredOn(r -> r.url().equals("running")).singleElement().satisfies(r -> {
      assertThat(r.elapsedMs()).isEqualTo(5_000);
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL finished");
    });
    assertThat(written).filteredOn(r -> r.url().equals("queued")).singleElement().satisfies(r -> {
      assertThat(r.fetchedAt()).isEqualTo(T);
      assertThat(r.elapsedMs()).isZero();
      assertThat(r.attempts()).isZero();
      assertThat(r.error().message()).isEqualTo("run stopped (SIGTERM) before this URL was fetched");
    });
  }

  @Test
  void aLaterStopShortensTheGraceKeepingTheFirstReason() throws Exception {
    InFlight inFlight = new InFlight(4);
    inFlight.admit("u0", T);
    inFlight.stop("first", java.time.Duration.ofMinutes(5));
    Thread waiter = Thread.ofPlatform().start(inFlight::awaitDone);
    Conditions.await(inFlight::hasWaiters);

    inFlight.stop("second", java.time.Duration.ZERO);
    waiter.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(waiter.isAlive()).as("still waiting out the first stop's grace").isFalse();
    inFlight.cancelRemaining(written::add, T);
    assertThat(written).singleElement().satisfies(r -> assertThat(r.error().message()).contains("(first)"));
  }

  @Test
  void aLaterStopNeverLengthensTheGrace() {
    InFlight inFlight = new InFlight(4);
    inFlight.admit("u0", T);
    inFlight.stop("first", java.time.Duration.ZERO);
    inFlight.stop("second", java.time.Duration.ofMinutes(5));

    inFlight.awaitDone();  // returns at once: the test's timeout fails it otherwise
  }

  @Test
  void afterAStopTheCancellationsHandedOnAreAwaitedWhateverInterruptsButARunningUrlIsNot() throws Exception {
    InFlight inFlight = new InFlight(4);
    inFlight.admit("waiting", T);
    inFlight.admit("running", T);
    inFlight.stop("SIGTERM", java.time.Duration.ZERO);
    inFlight.answered("waiting");  // the fetcher cancelled it; its line is on its way
    inFlight.fetcherStopped();
    AtomicBoolean keptStatus = new AtomicBoolean();
    Thread waiter = Thread.ofPlatform().start(() -> {
      Thread.currentThread().interrupt();
      inFlight.awaitCancellations(java.time.Duration.ofMinutes(5));
      keptStatus.set(Thread.currentThread().isInterrupted());
    });
    Conditions.await(inFlight::hasWaiters);
    waiter.interrupt();

    inFlight.store("waiting", line("waiting"), written::add);
    waiter.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(waiter.isAlive()).as("still waiting for the running URL").isFalse();
    assertThat(keptStatus).isTrue();
    assertThat(written).extracting(CrawlResult::url).containsExactly("waiting");
  }

  @Test
  void aFetcherThatNeverSaysItStoppedIsWaitedForOnlyUpToTheLimit() {
    InFlight inFlight = new InFlight(4);
    inFlight.admit("u0", T);
    inFlight.stop("SIGTERM", java.time.Duration.ZERO);

    inFlight.awaitCancellations(java.time.Duration.ofMillis(20));  // the test's timeout fails it otherwise
  }
}
