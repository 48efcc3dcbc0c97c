package io.crawlpipe.crawler.cli;

/** The exit codes of {@code crawl}, as documented in the README and in {@code --help}. */
final class ExitCodes {
  private ExitCodes() {}

  /** Every line processed and every URL ok. */
  static final int OK = 0;
  /** Every line processed, but some URLs failed (an error or a non-2xx status). */
  static final int SOME_FAILED = 1;
  /** Bad option value, unreadable URL file or unwritable output: nothing was crawled. */
  static final int USAGE = 2;
  /** The results file could not be written part-way through the run. */
  static final int IO = 3;
  /** A bug in crawlpipe (the message says what; -v logs the trace). */
  static final int SOFTWARE = 70;
}
