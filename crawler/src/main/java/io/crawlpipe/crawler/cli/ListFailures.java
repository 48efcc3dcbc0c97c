package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.UrlSource;

/** What a run says of a URL list that could not be read to its end. Stateless. */
final class ListFailures {
  private ListFailures() {}

  /**
   * A list that failed before it gave a URL line (on stdin or a pipe: in a format crawlpipe does
   * not read, or a directory; on any list: an I/O error, perhaps after comment lines) ends the run
   * as a refused regular file does: exit 2, nothing crawled, and the output left as it was (not
   * replaced by an empty file). Resumed lines are kept: that output is finished.
   */
  static void refuseUnreadable(String urlFile, UrlSource source, ResultOutput output) {
    UrlSource.ReadFailure failure = source.readFailure();
    if (failure == null || source.distinct() > 0 || output.resumedLines() > 0) return;
    String why = failure.cause() instanceof ListInput.UnreadableList unreadable ? unreadable.getMessage()
        : IoProblems.describe(failure.cause(), urlFile);
    throw new CrawlRun.RunFailure(ExitCodes.USAGE, "cannot read URL file '" + urlFile + "': " + why
        + "; " + (output.standardStream() != null ? RunActivities.NOTHING_CRAWLED
        : OutputPhrases.leftAsItWas(output.name())));
  }

  /**
   * The line saying where and why {@code urlFile} broke off (null when it did not), before the
   * summary. A list file that changed while it was read says so, and up to which line it was crawled.
   */
  static String describe(String urlFile, UrlSource.ReadFailure failure) {
    if (failure == null) return null;
    if (failure.cause() instanceof WatchedListFile.Changed changed) {
      return "URL file '" + urlFile + "' changed while it was read (" + changed.detail() + "); crawled "
          + (failure.line() == 1 ? "none of its lines" : "its lines up to line " + (failure.line() - 1));
    }
    String where = failure.line() == 1 ? "" : " after line " + (failure.line() - 1);
    return "cannot read URL file '" + urlFile + "'" + where + ": "
        + IoProblems.describe(failure.cause(), urlFile) + "; crawled the lines before it";
  }
}
