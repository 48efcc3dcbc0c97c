package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.ResultFileException;
import io.crawlpipe.store.ResultFileRepair;
import io.crawlpipe.store.ResultFileScanner.Scan;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an earlier run left at a results file's path, made ready for {@link ResultOutput}: its
 * finished lines kept for {@code --resume} (their URLs added to {@code done}), the end of the file
 * checked for {@code --append}, another mode's {@code OUT.partial} discarded or refused (one that is
 * not a regular file is refused in every mode), and the
 * temporary file of a {@code --resume} rewrite that never finished removed. Warnings (bytes
 * dropped, files discarded) go to the {@code warn} given, one line each. Call it with the output's
 * lock held. Stateless besides what it is given.
 */
final class EarlierResults {
  private final TemporaryFileGuard guard;
  private final Consumer<String> warn;

  /** {@code guard} creates the temporary file of a rewrite ({@link ResultFileRepair#ResultFileRepair(TemporaryFileGuard)}). */
  EarlierResults(TemporaryFileGuard guard, Consumer<String> warn) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.warn = Objects.requireNonNull(warn, "warn");
  }

  /** The default mode: with {@code resume}, the earlier run's final lines in {@code OUT.partial}; null without. */
  Scan forDefaultMode(Path target, boolean resume, FingerprintSet done) throws IOException {
    Path partial = TemporaryNames.of(target).partial();
    refuseIfNotAFile(partial);
    removeUnfinishedRewrites(target);
    if (!resume) {
      if (Files.exists(partial)) {
        warn.accept("discarding " + partial + ", the unfinished results of an interrupted run (--resume continues such a run)");
      }
      return null;
    }
    Path source = resumeSource(target);
    if (source == null) return null;
    if (!source.equals(partial) && Files.exists(partial)) {
      warn.accept("ignoring " + partial + ", which holds no line and is older than " + target + " (an earlier run's);"
          + " resuming from " + target);
    } else if (source.equals(partial) && Files.exists(target) && Files.size(partial) == 0) {
      warn.accept("continuing " + partial + ", which holds no line (the last run stopped before its first line):"
          + " every URL of the list is crawled, and " + target + " replaced");
    }
    try {
      return new ResultFileRepair(guard).prepare(source, partial, done::add, warn);
    } catch (ResultFileException e) {
      throw new ResultOutput.Refused(e.getMessage() + "; refusing to resume into it (move it away or fix it)");
    }
  }

  /**
   * The file the default mode's {@code --resume} continues: the earlier run's {@code OUT.partial}
   * if it holds anything, or if it is empty and not older than the target (or there is no target);
   * else the target if it exists; else null. An empty {@code OUT.partial} as new as the target or
   * newer is the last run's: one killed before its first line, or a {@code --resume} whose
   * {@code OUT.partial} held only {@code cancelled} lines (its rewrite left it empty) stopped before
   * its first line; continuing it crawls the whole list, where the target would pass off an earlier
   * run's results as this one's. Only an empty one older than the target (left by an older
   * version) does not hide it.
   */
  static Path resumeSource(Path target) throws IOException {
    Path partial = TemporaryNames.of(target).partial();
    if (!Files.exists(partial)) return Files.exists(target) ? target : null;
    if (!Files.exists(target) || Files.size(partial) > 0 || !olderThan(partial, target)) return partial;
    return target;
  }

  private static boolean olderThan(Path file, Path other) throws IOException {
    return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(other)) < 0;
  }

  /**
   * {@code --append}: the target's end checked, and with {@code resume} its final lines kept. An
   * {@code OUT.partial} of a run without {@code --append} refuses {@code --resume} and is discarded
   * otherwise; an empty one (a run that stopped before its first line) is discarded either way.
   */
  Scan forAppend(Path target, boolean resume, FingerprintSet done) throws IOException {
    Path partial = TemporaryNames.of(target).partial();
    refuseIfNotAFile(partial);
    removeUnfinishedRewrites(target);
    if (Files.isRegularFile(partial) && Files.size(partial) == 0) {
      warn.accept("discarding " + partial + ", which holds no line (an interrupted run wrote none)");
      Files.delete(partial);
    } else if (Files.exists(partial)) {
      if (resume) {
        throw new ResultOutput.Refused("'" + partial + "' holds the unfinished results of a run without --append; finish it with"
            + " --resume without --append, or remove it; not starting");
      }
      warn.accept("discarding " + partial + ", the unfinished results of an interrupted run without --append");
      Files.delete(partial);
    }
    ResultFileRepair repair = new ResultFileRepair(guard);
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

  /**
   * Refuses, whatever the mode, an {@code OUT.partial} that is not a regular file (a directory, a
   * named pipe): the run neither discards it nor reads or writes through it, and nothing is changed.
   * A symbolic link there was dealt with before ({@link OutputOpening}).
   */
  private static void refuseIfNotAFile(Path partial) throws ResultOutput.Refused {
    if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String what = Files.isDirectory(partial, LinkOption.NOFOLLOW_LINKS) ? "a directory" : "not a regular file";
    throw new ResultOutput.Refused("'" + partial + "' is " + what + ", not unfinished results this program wrote;"
        + " move it away (a run without --append keeps its results under that name until they are complete); not starting");
  }

  /**
   * Removes, with a warning each, the temporary files a {@code --resume} rewrite of this output left
   * when it never finished ({@code OUT.partial.resume}, {@code OUT.resume}: the process was killed
   * while writing it): the file it was made from is unchanged, and with the lock held no run is
   * writing it. A directory by that name is left alone.
   */
  private void removeUnfinishedRewrites(Path target) throws IOException {
    for (Path tmp : TemporaryNames.of(target).rewrites()) {
      if (!Files.exists(tmp, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) continue;
      warn.accept("removing " + tmp + ", the temporary file of a --resume rewrite that never finished"
          + " (the results it was made from are unchanged)");
      Files.delete(tmp);
    }
  }
}
