package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecutorEventLoopTest {

  @Test
  void runsEventsThenDropsThoseGivenAfterItIsClosed() throws InterruptedException {
    ExecutorEventLoop loop = new ExecutorEventLoop();
    CountDownLatch ran = new CountDownLatch(2);
    loop.execute(ran::countDown);
    loop.schedule(ran::countDown, Duration.ofMillis(1));
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

    loop.close();
    AtomicInteger late = new AtomicInteger();
    // A fetch that finishes after a graceful stop hands its outcome to a closed loop: no exception, no run.
    assertThatCode(() -> {
      loop.execute(late::incrementAndGet);
      loop.schedule(late::incrementAndGet, Duration.ZERO);
    }).doesNotThrowAnyException();
    assertThat(late).hasValue(0);
  }

  @Test
  void aDelayTooLongForNanosecondsWaitsInsteadOfThrowingAndANegativeOneRunsSoon() throws InterruptedException {
    try (ExecutorEventLoop loop = new ExecutorEventLoop()) {
      AtomicInteger ranTooEarly = new AtomicInteger();
      assertThatCode(() -> loop.schedule(ranTooEarly::incrementAndGet, Duration.ofDays(Long.MAX_VALUE / 86_400)))
          .doesNotThrowAnyException();
      CountDownLatch ran = new CountDownLatch(1);
      assertThatCode(() -> loop.schedule(ran::countDown, Duration.ofSeconds(Long.MIN_VALUE)))
          .doesNotThrowAnyException();
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ranTooEarly).hasValue(0);
    }
  }

  @Test
  void anEventThatThrowsAnErrorGoesToTheFatalHandlerAndTheLoopCarriesOn() throws InterruptedException {
    AtomicReference<Error> fatal = new AtomicReference<>();
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    try (ExecutorEventLoop loop = new ExecutorEventLoop(fatal::set)) {
      loop.execute(() -> { throw error; });
      CountDownLatch ran = new CountDownLatch(1);
      loop.execute(ran::countDown);
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(fatal.get()).isSameAs(error);
  }
}
