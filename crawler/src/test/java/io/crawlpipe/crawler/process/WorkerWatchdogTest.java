package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The answer deadline, on a clock the test moves: 200 ms of real time, and whatever the clock says passed. */
@Timeout(30)
class WorkerWatchdogTest {
  private final AtomicLong now = new AtomicLong();
  private final DeferringLock lock = new DeferringLock();
  private final PoolCounters counters = new PoolCounters();
  private final WorkerWatchdog watchdog = new WorkerWatchdog(lock, counters, Duration.ofSeconds(30),
      Duration.ofMillis(200), now::get);
  private final FakeProcess process = new FakeProcess(AssertionError::new);
  private final WorkerProcess worker = new WorkerProcess(1, process, new ProtocolCodec(), 1 << 20, 64L << 20);
  private final PoolJob job = new PoolJob(1, "http://a.test/slow");

  @AfterEach
  void close() {
    watchdog.close();
  }

  /** Sends the job to the worker and returns its deadline's check. */
  private ScheduledFuture<?> sent() {
    return lock.get(() -> {
      worker.state = WorkerProcess.State.READY;
      job.dispatches = 1;
      worker.inFlight.put(job.id(), job);
      job.deadline = watchdog.watch(worker, job, 1);
      return job.deadline;
    });
  }

  @Test
  void aWorkerSilentPastTheDeadlineIsKilled() throws Exception {
    ScheduledFuture<?> check = sent();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
    check.get(10, TimeUnit.SECONDS);

    assertThat(lock.get(() -> worker.killReason)).isEqualTo(worker + " gave no answer for http://a.test/slow within 200 ms; killed it");
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void aCheckRunningLongAfterItsTimeBecauseTheCrawlWasSuspendedWaitsInsteadOfKilling() throws Exception {
    ScheduledFuture<?> check = sent();
    now.addAndGet(TimeUnit.SECONDS.toNanos(16));  // as if this JVM was stopped for 16 s before the check ran
    check.get(10, TimeUnit.SECONDS);

    assertThat(lock.get(() -> worker.killReason)).isNull();
    assertThat(process.isAlive()).isTrue();
    assertThat(counters.unresponsive).isZero();
    assertThat(lock.get(() -> job.deadline) != check).as("a new deadline").isTrue();
  }
}
