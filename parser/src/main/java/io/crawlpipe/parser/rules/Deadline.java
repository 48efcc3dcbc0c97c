package io.crawlpipe.parser.rules;

import java.util.function.LongSupplier;

/**
 * A point in time past which one field's evaluation on one page gives up. Engines without a
 * timeout of their own (Java regex, the XPath engine) call {@link #check} as they work; it reads
 * the clock only every {@code checkEvery} calls, so the cost stays a few percent. Not
 * thread-safe: one instance per field evaluation.
 */
final class Deadline {
  private final LongSupplier nanoTicker;
  private final long deadlineNanos;
  private final int checkEvery;
  private int calls;

  /** A deadline {@code timeoutNanos} from now on {@code nanoTicker}. */
  Deadline(LongSupplier nanoTicker, long timeoutNanos, int checkEvery) {
    if (checkEvery < 1) throw new IllegalArgumentException("checkEvery must be >= 1, was " + checkEvery);
    this.nanoTicker = nanoTicker;
    this.deadlineNanos = nanoTicker.getAsLong() + timeoutNanos;
    this.checkEvery = checkEvery;
  }

  /** A deadline that never passes, for evaluations that are not on a fetched page. */
  static Deadline never() {
    return new Deadline(() -> 0L, 1, Integer.MAX_VALUE);
  }

  /** Thrown from {@link #check} once the deadline has passed; carries no stack trace. */
  static final class Expired extends RuntimeException {
    Expired() {
      super("deadline passed", null, false, false);
    }
  }

  /**
   * Counts one unit of work; every {@code checkEvery}th call reads the clock.
   *
   * @throws Expired when the deadline has passed
   */
  void check() {
    if (++calls < checkEvery) return;
    calls = 0;
    if (nanoTicker.getAsLong() - deadlineNanos > 0) throw new Expired();
  }
}
