package io.crawlpipe.crawler.cli;

/**
 * How the run's last line names what a {@link ResultOutput} holds (after a stop at once, a stop
 * after the crawl, a failed write or a refused list), as the part of the line that follows "; ".
 * Stateless and thread safe; no argument may be null.
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

  /**
   * Nothing was crawled (no URL was read, or the list was refused) and the results file {@code name}
   * was not touched: {@code nothing was crawled and 'NAME' was left as it was}.
   */
  static String leftAsItWas(String name) {
    return RunActivities.NOTHING_CRAWLED + " and '" + name + "' was left as it was";
  }

  /** No line was written: the empty temporary file is gone, and the results file {@code name} was not touched. */
  static String nothingWritten(String name) {
    return "no line was written, and " + name + " was left as it was";
  }

  /**
   * The temporary file {@code partial} was removed (or its directory) before the run wrote a line to
   * it: none was lost, and the results file {@code name} was not touched.
   */
  static String removedBeforeALine(String partial, String name) {
    return "'" + partial + "' was removed during the run before it held a line, and " + name + " was left as it was";
  }

  /**
   * The whole lines written so far are in {@code where}, but closing it failed with {@code problem}
   * (a write had failed before: the file may end in a cut line, which {@code --resume} drops).
   */
  static String soFarUnclosed(String where, String problem, boolean resumable) {
    return "results so far in " + where + " (" + problem + (resumable ? "; --resume finishes the run)" : ")");
  }

  /** The file {@code where} that held the lines written so far is gone (its directory was removed): nothing is kept. */
  static String lost(String where) {
    return "'" + where + "' no longer exists: the lines written so far are lost";
  }

  /**
   * The {@code --append} file {@code name} is gone, or another file now has its name: the lines
   * this run appended are lost, or kept under another name, but not in {@code name}.
   */
  static String appendFileLost(String name) {
    return "'" + name + "' was removed or replaced during the run: the lines this run wrote are not in it";
  }

  /**
   * That an {@code --append} file was removed or replaced during the run before the run appended a
   * line: {@code 'NAME' was removed or replaced during the run, and nothing was appended to it}.
   */
  static String appendFileLostUntouched(String name) {
    return "'" + name + "' was removed or replaced during the run, and nothing was appended to it";
  }
}
