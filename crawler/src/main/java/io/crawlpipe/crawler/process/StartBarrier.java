package io.crawlpipe.crawler.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for the first worker to say hello: returns as soon as one did, throws when every one
 * failed, when the crawl was stopped, or when the wait timed out. An interrupt of the waiting thread
 * does not end the wait (a crawl is stopped through its control, see {@code Crawler}); its status is
 * kept. Stateless.
 */
final class StartBarrier {
  private StartBarrier() {}

  /**
   * Returns once one of {@code ready} completed normally.
   *
   * @param stopped completes with the reason (e.g. "SIGTERM") when the crawl is stopped
   * @throws WorkerStartException the first failure once every future failed, the stop, or the timeout
   */
  static void awaitFirst(List<CompletableFuture<Void>> ready, CompletableFuture<String> stopped, Duration timeout) {
    CompletableFuture<Void> first = new CompletableFuture<>();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    AtomicInteger failed = new AtomicInteger();
    for (CompletableFuture<Void> one : ready) {
      one.whenComplete((ok, error) -> {
        if (error == null) {
          first.complete(null);
          return;
        }
        firstError.compareAndSet(null, error);
        if (failed.incrementAndGet() == ready.size()) first.completeExceptionally(firstError.get());
      });
    }
    stopped.thenAccept(reason -> first.completeExceptionally(new WorkerStartException(
        "stopped by " + reason + " while the worker processes were starting")));
    await(first, timeout);
  }

  /**
   * Waits up to {@code timeout} for {@code first}, through interrupts, as the crawl's other waits
   * do (an interrupt does not stop a crawl); the interrupt status is kept.
   */
  private static void await(CompletableFuture<Void> first, Duration timeout) {
    boolean interrupted = Thread.interrupted();
    long ends = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        try {
          first.get(Math.max(0, ends - System.nanoTime()), TimeUnit.NANOSECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof WorkerStartException w ? w : new WorkerStartException(e.getCause().toString(), e);
    } catch (TimeoutException e) {
      throw new WorkerStartException("no worker started within " + timeout.toSeconds() + " s");
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }
}
