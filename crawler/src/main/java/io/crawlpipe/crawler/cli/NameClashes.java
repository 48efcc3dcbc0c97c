package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.OutputLock;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For {@link RunNames}: refuses names of a run's files that would write over one another, over a
 * file the run writes beside one of them ({@link #writtenBeside}), or over a file the run reads (its
 * URL list, its rules). Files are compared by {@link OutputTargets#sameFile} (two hard links to one
 * file are the same file); {@code /dev/null} may be shared. Stateless; the names are not null.
 */
final class NameClashes {
  private NameClashes() {}

  /**
   * The four files of {@code names} must differ, and none may be a file the run writes beside
   * another ({@link #writtenBeside}): stats or a log written over the results, or a lock renamed
   * away, break the run.
   *
   * @throws IllegalArgumentException with a one-line message naming the options and the path
   */
  static void checkDistinct(RunNames names) {
    Path out = names.out();
    // the lock --out takes by default (OUT.lock) was not named by --lock: a clash names it as such
    boolean defaultLock = out != null && names.lock() != null && names.lock().equals(OutputLock.besides(out));
    String[] options = {"--out", "--lock", "--log", "--stats"};
    Path[] paths = {out, names.lock(), names.log(), names.stats()};
    Path[] files = {out == null ? StandardStream.STDOUT.identity() : OutputTargets.identity(out), identity(names.lock()),
        identity(names.log()), identity(names.stats())};
    for (int i = 0; i < paths.length; i++) {
      for (int j = i + 1; j < paths.length; j++) {
        if (files[i] == null || files[j] == null || !OutputTargets.sameFile(files[i], files[j])
            || OutputTargets.discards(files[i])) continue;
        if (paths[i] == null) {
          throw new IllegalArgumentException(options[j] + " '" + paths[j] + "' is standard output, where --out - "
              + "writes the results; they must differ");
        }
        if (i == 1 && defaultLock) {
          throw new IllegalArgumentException(options[j] + " '" + paths[j] + "' is the lock file of --out; they must differ");
        }
        throw new IllegalArgumentException(options[j] + " and " + options[i] + " name the same file '" + paths[j]
            + "'; they must differ");
      }
    }
    for (Map.Entry<Path, String> beside : writtenBeside(names).entrySet()) {
      Path file = OutputTargets.identity(beside.getKey());
      for (int i = 0; i < paths.length; i++) {
        if (files[i] != null && paths[i] != null && OutputTargets.sameFile(files[i], file) && !OutputTargets.discards(file)) {
          throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is " + beside.getValue() + "; they must differ");
        }
      }
    }
    // A results file's run locks OUT.lock beside a --lock too: --log and --stats must not name it
    // (--lock may: then the two are one lock).
    Path ownLock = out == null || names.outStream() ? null : OutputTargets.identity(OutputLock.besides(out));
    for (int i = 2; ownLock != null && i < paths.length; i++) {
      if (files[i] != null && OutputTargets.sameFile(files[i], ownLock)) {
        throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is the lock file of --out; they must differ");
      }
    }
  }

  /**
   * Refuses {@code names} when one of their files, or one written beside them, writes into the file
   * the run reads by {@code name} ({@code -}: standard input), which is {@code role} in the message
   * ("the URL file"); see {@link RunNames#checkNotUrlFile}.
   *
   * @throws IllegalArgumentException with a one-line message naming the option and the path
   */
  static void checkNotInput(RunNames names, String name, String role) {
    Path list;
    try {
      list = OutputTargets.identity(Path.of("-".equals(name) ? "/dev/stdin" : name));
    } catch (InvalidPathException e) {
      return; // no file can be read by that name, so none is overwritten
    }
    if (OutputTargets.discards(list)) return;
    Path out = names.out();
    Path lock = names.lock();
    // the lock --out takes by default (OUT.lock) was not named by --lock
    boolean defaultLock = out != null && lock != null && lock.equals(OutputLock.besides(out));
    // A file output takes its own lock (OUT.lock) beside a --lock too.
    Path ownLock = out == null || names.outStream() || defaultLock ? null : OutputLock.besides(out);
    String[] options = {"--out", defaultLock ? "the lock file of --out" : "--lock", "--log", "--stats",
        "the lock file of --out"};
    Path[] paths = {out, lock, names.log(), names.stats(), ownLock};
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] != null && OutputTargets.writesInto(OutputTargets.identity(paths[i]), list)) {
        throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is " + role + "; refusing to overwrite it");
      }
    }
    for (Map.Entry<Path, String> beside : writtenBeside(names).entrySet()) {
      if (OutputTargets.writesInto(OutputTargets.identity(beside.getKey()), list)) {
        throw new IllegalArgumentException(beside.getValue() + " '" + beside.getKey()
            + "' is " + role + "; refusing to overwrite it");
      }
    }
  }

  /**
   * The files a run writes (or removes) beside the named ones, each with what it is: the results'
   * {@code OUT.partial} (which {@code --append} discards), the temporary files {@code --resume} may
   * rewrite the results through ({@code OUT.partial.resume}, or {@code OUT.resume} with {@code
   * --append}; any run removes one a rewrite left, see {@link EarlierResults}), the rolled logs
   * {@code LOG.1} to {@code LOG.3}, the log's lock {@code LOG.lock} (see {@link LogLock}: locked
   * while the log rolls, which a run's own lock there would block), and the stats file's {@code
   * STATS.PID.tmp}. A stream has none.
   */
  private static Map<Path, String> writtenBeside(RunNames names) {
    Map<Path, String> files = new LinkedHashMap<>();
    if (names.out() != null && !names.outStream()) {
      TemporaryNames temporary = TemporaryNames.of(names.out());
      files.put(temporary.partial(), "the partial results of --out");
      for (Path rewrite : temporary.rewrites()) files.put(rewrite, "the temporary file of --resume");
    }
    if (names.log() != null && !names.logStream()) {
      for (Path rolled : LogFile.rolledFiles(names.log())) files.put(rolled, "a rolled log of --log");
      files.put(LogLock.lockFile(names.log()), "the lock file of --log");
    }
    if (names.stats() != null && !names.statsStream()) {
      files.put(StatsReport.temporaryFile(names.stats()), "the temporary file of --stats");
    }
    return files;
  }

  private static Path identity(Path path) {
    return path == null ? null : OutputTargets.identity(path);
  }
}
