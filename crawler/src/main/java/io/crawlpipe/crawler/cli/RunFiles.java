package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.cli.CrawlRun.RunFailure;
import io.crawlpipe.store.LockHeldException;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The files a run checks and opens before its crawl ({@link CrawlRun}), each failure a {@link
 * RunFailure} with its exit code and one line naming the file: the stats file's directory, checked
 * at the start ({@link #prepareStats}), and the output, opened with its lock ({@link #openOutput}).
 * Stateless.
 */
final class RunFiles {
  private RunFiles() {}

  /**
   * Fails now (exit 2), before anything is crawled, if the stats file {@code names} gives could not
   * be written at the end; nothing to check for none or a standard stream.
   */
  static void prepareStats(RunNames names) {
    if (names.stats() == null || StandardStream.of(names.stats()) != null) return;
    try {
      StatsReport.prepare(names.stats(), names.statsStream());
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.USAGE, "cannot write stats file '" + names.stats() + "': "
          + IoProblems.describe(e, names.stats()));
    }
  }

  /**
   * Opens the output {@code names} gives ({@link OutputOpening}): a standard stream ({@code stdout}
   * or {@code stderr}), or a file, locked, appended to or resumed as {@code request} asks, its
   * warnings to {@code runLog}. A run elsewhere holding the lock is exit 75, a file that cannot be
   * written exit 2, a store's failure exit 3.
   */
  static ResultOutput openOutput(RunRequest request, RunNames names, RunStops stops, RunLog runLog, PrintStream stdout,
      PrintStream stderr) {
    RunSettings s = request.settings();
    StandardStream std = names.out() == null ? StandardStream.STDOUT : StandardStream.of(names.out());
    try {
      if (std != null) return OutputOpening.standard(std.pick(stdout, stderr), std, names.out(), names.lock());
      return OutputOpening.file(names.out(), names.outStream(), names.lock(), s.append(), s.resume(), stops,
          runLog::warn);
    } catch (LockHeldException e) {
      throw new RunFailure(ExitCodes.LOCKED, LockClash.message(e, names.out() == null ? "-" : names.out().toString()));
    } catch (LockFileException e) {
      throw new RunFailure(ExitCodes.USAGE, e.getMessage());
    } catch (ResultOutput.Refused e) {
      throw new RunFailure(ExitCodes.USAGE, e.getMessage());
    } catch (StoreException e) {
      throw new RunFailure(ExitCodes.IO, e.getMessage());
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.USAGE, "cannot write output '" + names.out() + "': " + IoProblems.describe(e, names.out()));
    }
  }
}
