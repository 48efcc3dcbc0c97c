package io.crawlpipe.crawler.cli;

/**
 * How a stop at once names what a {@link ResultOutput} holds, as the part of its line that follows
 * "; ". Stateless and thread safe; no argument may be null.
 */
final class OutputPhrases {
  private OutputPhrases() {
  }

  /** The output was completed before the stop: {@code onStream} for stdout or stderr ("on", not "in"). */
  static String complete(String name, boolean onStream) {
    return "the results " + (onStream ? "on " : "in ") + name + " are complete";
  }

  /**
   * The whole lines written so far are in {@code where}; {@code resumable} when {@code --resume}
   * can finish the run there (a file, not a stream, a device or a pipe).
   */
  static String soFar(String where, boolean resumable) {
    return "results so far in " + where + (resumable ? " (whole lines; --resume finishes the run)" : " (whole lines)");
  }

  /** No line was written: the empty temporary file is gone, and the results file {@code name} was not touched. */
  static String nothingWritten(String name) {
    return "no line was written, and " + name + " was left as it was";
  }
}
