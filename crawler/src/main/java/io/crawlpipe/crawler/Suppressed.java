package io.crawlpipe.crawler;

/**
 * Adds a suppressed exception only where {@link Throwable#addSuppressed} can take it: never a
 * throwable to itself. The JVM throws one preallocated {@code OutOfMemoryError} when the heap runs
 * out, so two failures caught on one path may be the same object, and {@code x.addSuppressed(x)}
 * throws {@code IllegalArgumentException("Self-suppression not permitted")}, which would hide the
 * error. Stateless.
 */
public final class Suppressed {
  private Suppressed() {}

  /**
   * Adds {@code suppressed} to {@code failure}'s suppressed exceptions unless it is {@code failure}
   * itself; neither may be null. An error that cannot record suppressed exceptions (the JVM's
   * preallocated ones) simply keeps none.
   */
  public static void add(Throwable failure, Throwable suppressed) {
    if (suppressed != failure) failure.addSuppressed(suppressed);
  }
}
