package io.crawlpipe.parser.rules;

import java.util.function.LongSupplier;

/**
 * A string that stops being readable after a deadline. {@link java.util.regex.Matcher} has no
 * timeout, but it reads its input through {@link #charAt}; checking the clock every {@value
 * #CHECK_EVERY} reads bounds a catastrophically backtracking match at a cost of a few percent.
 * Not thread-safe: one instance per match.
 */
final class DeadlineCharSequence implements CharSequence {
  static final int CHECK_EVERY = 4096;

  private final String text;
  private final LongSupplier nanoTicker;
  private final long deadlineNanos;
  private int reads;

  DeadlineCharSequence(String text, LongSupplier nanoTicker, long deadlineNanos) {
    this.text = text;
    this.nanoTicker = nanoTicker;
    this.deadlineNanos = deadlineNanos;
  }

  /** Thrown from {@link #charAt} once the deadline has passed; carries no stack trace. */
  static final class Expired extends RuntimeException {
    Expired() {
      super("deadline passed", null, false, false);
    }
  }

  @Override
  public char charAt(int index) {
    if (++reads == CHECK_EVERY) {
      reads = 0;
      if (nanoTicker.getAsLong() - deadlineNanos > 0) throw new Expired();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  /** A plain substring: group values are read after matching, without the deadline. */
  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
