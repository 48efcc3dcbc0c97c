package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.ResultFileException;
import io.crawlpipe.store.ResultFileRepair;
import io.crawlpipe.store.ResultFileScanner.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What an earlier run left at a results file's path, made ready for {@link ResultOutput}: its
 * finished lines kept for {@code --resume} (their URLs added to {@code done}), the end of the file
 * checked for {@code --append}, another mode's {@code OUT.partial} discarded or refused. Warnings
 * (bytes dropped, files discarded) go to {@code warn}, one line each. Stateless.
 */
final class EarlierResults {
  private EarlierResults() {}

  /** The default mode: with {@code resume}, the earlier run's final lines in {@code OUT.partial}; null without. */
  static Scan forDefaultMode(Path target, boolean resume, FingerprintSet done, Consumer<String> warn)
      throws IOException {
    Path partial = AtomicFileSink.partialFile(target);
    if (!resume) {
      if (Files.exists(partial)) {
        warn.accept("discarding " + partial + ", the unfinished results of an interrupted run (--resume continues such a run)");
      }
      return null;
    }
    Path source = Files.exists(partial) ? partial : Files.exists(target) ? target : null;
    if (source == null) return null;
    try {
      return new ResultFileRepair().prepare(source, partial, done::add, warn);
    } catch (ResultFileException e) {
      throw new ResultOutput.Refused(e.getMessage() + "; refusing to resume into it (move it away or fix it)");
    }
  }

  /** {@code --append}: the target's end checked, and with {@code resume} its final lines kept. */
  static Scan forAppend(Path target, boolean resume, FingerprintSet done, Consumer<String> warn)
      throws IOException {
    Path partial = AtomicFileSink.partialFile(target);
    if (Files.exists(partial)) {
      if (resume) {
        throw new ResultOutput.Refused("'" + partial + "' holds the unfinished results of a run without --append; finish it with"
            + " --resume without --append, or remove it; not starting");
      }
      warn.accept("discarding " + partial + ", the unfinished results of an interrupted run without --append");
      Files.delete(partial);
    }
    ResultFileRepair repair = new ResultFileRepair();
    try {
      if (!resume) {
        repair.prepareAppend(target, warn);
        return null;
      }
      return Files.exists(target) ? repair.prepare(target, target, done::add, warn) : null;
    } catch (ResultFileException e) {
      throw new ResultOutput.Refused(e.getMessage() + (resume ? "; refusing to resume into it" : "; refusing to append to it")
          + " (move it away or fix it)");
    }
  }
}
