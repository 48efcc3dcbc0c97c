package io.crawlpipe.crawler.cli;

/** The exit codes of {@code crawl}, as documented in the README and in {@code --help}. */
final class ExitCodes {
  private ExitCodes() {}

  /** Every line processed and none failed (as {@code --fail-on} counts failures). */
  static final int OK = 0;
  /** Every line processed, but some URLs failed (a result with ok=false; {@code --fail-on} decides). */
  static final int SOME_FAILED = 1;
  /** Bad option value, unreadable URL file or unwritable output: nothing was crawled. */
  static final int USAGE = 2;
  /** The results file could not be written part-way through the run (or not renamed at its end). */
  static final int IO = 3;
  /** A bug in crawlpipe (the message says what; -v logs the trace). */
  static final int SOFTWARE = 70;
  /** Another run holds the lock on this output (EX_TEMPFAIL: try again later). */
  static final int LOCKED = 75;
  /** Stopped gracefully at the {@code --max-time} deadline (as GNU timeout reports it). */
  static final int DEADLINE = 124;
  /** Stopped by SIGHUP (the terminal closed, a supervisor's hang-up): 128 + 1. */
  static final int SIGHUP = 129;
  /** Stopped by SIGINT (Ctrl-C): 128 + 2. */
  static final int SIGINT = 130;
  /** Stopped by SIGTERM: 128 + 15. */
  static final int SIGTERM = 143;

  /** The exit codes as {@code crawl --help} lists them, one per line. */
  static final String[] HELP = {
      help(OK, "every line processed, none failed (see --fail-on)"),
      help(SOME_FAILED, "some URLs failed (results with ok=false; --fail-on decides)"),
      help(USAGE, "usage or input error: bad option, unreadable URL file, unwritable or clashing output,"
          + " or the worker processes could not be started; also: the URL list could not be read to its end,"
          + " or the list changed while it was read"),
      help(IO, "fatal I/O: the results file could not be written or renamed"),
      help(SOFTWARE, "internal error (a bug; run with -v for the stack trace), or the heap ran out"
          + " (raise CRAWLPIPE_HEAP)"),
      help(LOCKED, "another run holds the lock on this output (message names its PID)"),
      help(DEADLINE, "stopped gracefully at the --max-time deadline"),
      help(SIGHUP, "stopped gracefully by SIGHUP"),
      help(SIGINT, "stopped gracefully by SIGINT (Ctrl-C)"),
      help(SIGTERM, "stopped gracefully by SIGTERM")};

  private static String help(int code, String meaning) { // not String.format: this runs on every start
    String number = Integer.toString(code);
    return "  " + number + " ".repeat(5 - number.length()) + meaning;
  }
}
