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
 * failed, when the crawl was stopped, or when the wait timed out. Stateless.
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
    try {
      first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof WorkerStartException w ? w : new WorkerStartException(e.getCause().toString(), e);
    } catch (TimeoutException e) {
      throw new WorkerStartException("no worker started within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerStartException("interrupted while starting the workers");
    }
  }
}
