package io.crawlpipe.parser.rules;

/**
 * A string that stops being readable after a deadline. {@link java.util.regex.Matcher} has no
 * timeout, but it reads its input through {@link #charAt}, which counts each read against a
 * {@link Deadline}: that bounds a catastrophically backtracking match. Not thread-safe: one
 * instance per field evaluation.
 */
final class DeadlineCharSequence implements CharSequence {
  /** Reads between two looks at the clock: a read is a few nanoseconds. */
  static final int CHECK_EVERY = 4096;

  private final String text;
  private final Deadline deadline;

  DeadlineCharSequence(String text, Deadline deadline) {
    this.text = text;
    this.deadline = deadline;
  }

  /**
   * @throws Deadline.Expired once the deadline has passed
   */
  @Override
  public char charAt(int index) {
    deadline.check();
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
