package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in tests on a condition, never on the clock: for the tests of every package. */
public final class Conditions {
  private Conditions() {}

  /** Returns once {@code condition} holds; fails the test if it does not within 10 s. */
  public static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
