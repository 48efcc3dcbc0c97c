package io.crawlpipe.crawler.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for workers to say hello: returns when all did, throws as soon as one failed. Stateless. */
final class StartBarrier {
  private StartBarrier() {}

  /**
   * Returns once every future completed normally.
   *
   * @throws WorkerStartException the first failure (as soon as it happens), or when {@code timeout} passed
   */
  static void awaitAll(List<CompletableFuture<Void>> ready, Duration timeout) {
    CompletableFuture<Void> all = new CompletableFuture<>();
    for (CompletableFuture<Void> one : ready) {
      one.whenComplete((ok, error) -> { if (error != null) all.completeExceptionally(error); });
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).thenRun(() -> all.complete(null));
    try {
      all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof WorkerStartException w ? w : new WorkerStartException(e.getCause().toString(), e);
    } catch (TimeoutException e) {
      throw new WorkerStartException("the workers did not start within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerStartException("interrupted while starting the workers");
    }
  }
}
