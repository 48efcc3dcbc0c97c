package io.crawlpipe.crawler;

import org.slf4j.Logger;

/**
 * How a URL's internal failure (a bug, or an {@code Error} such as running out of heap) is logged:
 * one ERROR line naming the URL and the error, followed by a hint its caller words for its own
 * command line, and the stack trace at DEBUG. Stateless.
 */
public final class InternalFailures {
  /** The crawl's hint, which has {@code -v}: where the stack trace is. */
  public static final String CRAWL_HINT = " (stack trace at DEBUG level: -v on the command line)";

  private InternalFailures() {}

  /**
   * Logs {@code bug}, the failure of {@code url}, to {@code log}: at ERROR with {@code hint} after it
   * ({@link #CRAWL_HINT}; null: no ERROR line, the caller tells the failure in its own way), and
   * its stack trace at DEBUG. {@code log}, {@code url} and {@code bug} are not null.
   */
  public static void log(Logger log, String url, Throwable bug, String hint) {
    if (hint != null) log.error("unexpected failure url={} error={}{}", url, bug.toString(), hint);
    log.debug("unexpected failure url={}", url, bug);
  }
}
