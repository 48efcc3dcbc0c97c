package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The file names of one run with their placeholders expanded (see {@link OutputNames}): the output
 * (null for stdout), its lock (null for stdout and for a stream unless {@code --lock} names one),
 * the log file and the stats file (null when not asked for). The output, the log and the stats file
 * are the ends of their symbolic links, and whether each is a stream ({@link OutputTargets#isStream})
 * is decided here, once. The non-null ones are distinct files (compared by {@link
 * OutputTargets#sameFile}, so two hard links to one file are the same file), and neither the log
 * nor the stats file is standard output when the results go there; {@code /dev/null} may be shared.
 * {@link #checkNotUrlFile} refuses any of them that is the run's URL list, and {@link DerivedNames}
 * any named as a file another run writes beside its output or log.
 * A name of the run's own standard output or error ({@link StandardStream}) is written through the
 * run's stream; the files it is open on are checked against the others by {@link StreamClashes}.
 */
record RunNames(Path out, boolean outStream, Path lock, Path log, boolean logStream, Path stats,
    boolean statsStream) {

  /**
   * Expands and checks the names of {@code request} at {@code now}, comparing them with the files
   * this process's standard streams are open on ({@link StreamFiles#system()}).
   *
   * @throws IllegalArgumentException with a one-line message for a bad name or a bad combination
   */
  static RunNames of(RunRequest request, Supplier<ZonedDateTime> now) {
    return of(request, now, StreamFiles.system());
  }

  /**
   * As above, with the standard streams open on the files {@code streams} tells (see {@link
   * StreamClashes}).
   */
  static RunNames of(RunRequest request, Supplier<ZonedDateTime> now, StreamFiles streams) {
    RunSettings s = request.settings();
    // as for a stream named as a path (/dev/stdout): --append changes nothing, --lock is honoured
    if (request.toStdout() && s.resume()) {
      throw new IllegalArgumentException("--resume needs a results file; it cannot be used with --out -");
    }
    Path out = request.toStdout() ? null : followLinks("--out", path("--out", OutputNames.expand(request.out(), now)));
    boolean stream = out != null && OutputTargets.isStream(out);
    if (stream && s.resume()) {
      throw new IllegalArgumentException("--resume needs a regular results file; '" + out
          + "' is not one (it is written directly)");
    }
    Path lock = s.lock() != null ? lockFile(path("--lock", notDash("--lock", OutputNames.expand(s.lock(), now))))
        : out == null || stream ? null : OutputLock.besides(out);
    Path log = followLinks("--log", path("--log", notDash("--log", OutputNames.expand(s.log(), now))));
    Path stats = followLinks("--stats", path("--stats", notDash("--stats", OutputNames.expand(s.stats(), now))));
    RunNames names = new RunNames(out, stream, lock, log, log != null && OutputTargets.isStream(log), stats,
        stats != null && OutputTargets.isStream(stats));
    StreamClashes.checkNotStdin(names);
    names.checkDistinct();
    StreamClashes.check(names, streams);
    DerivedNames.check(names);
    return names;
  }

  /**
   * The four files must differ, and none may be a file the run writes beside another ({@link
   * #writtenBeside}): stats or a log written over the results, or a lock renamed away, break the run.
   */
  private void checkDistinct() {
    String[] options = {"--out", "--lock", "--log", "--stats"};
    Path[] paths = {out, lock, log, stats};
    Path[] files = {out == null ? StandardStream.STDOUT.identity() : OutputTargets.identity(out), identity(lock),
        identity(log), identity(stats)};
    for (int i = 0; i < paths.length; i++) {
      for (int j = i + 1; j < paths.length; j++) {
        if (files[i] == null || files[j] == null || !OutputTargets.sameFile(files[i], files[j])
            || OutputTargets.discards(files[i])) continue;
        if (paths[i] == null) {
          throw new IllegalArgumentException(options[j] + " '" + paths[j] + "' is standard output, where --out - "
              + "writes the results; they must differ");
        }
        throw new IllegalArgumentException(options[j] + " and " + options[i] + " name the same file '" + paths[j]
            + "'; they must differ");
      }
    }
    for (Map.Entry<Path, String> beside : writtenBeside().entrySet()) {
      Path file = OutputTargets.identity(beside.getKey());
      for (int i = 0; i < paths.length; i++) {
        if (files[i] != null && paths[i] != null && OutputTargets.sameFile(files[i], file) && !OutputTargets.discards(file)) {
          throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is " + beside.getValue() + "; they must differ");
        }
      }
    }
    // A results file's run locks OUT.lock beside a --lock too: --log and --stats must not name it
    // (--lock may: then the two are one lock).
    Path ownLock = out == null || outStream ? null : OutputTargets.identity(OutputLock.besides(out));
    for (int i = 2; ownLock != null && i < paths.length; i++) {
      if (files[i] != null && OutputTargets.sameFile(files[i], ownLock)) {
        throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is the lock file of --out; they must differ");
      }
    }
  }

  /**
   * Refuses names that would write over the run's own URL list {@code urlFile}: the results renamed
   * onto it at the end (or appended to it while it is read), the lock's PID, the log or the stats
   * file written into it, or a file written beside one of them ({@link #writtenBeside}), which may
   * also be removed. Compared as the options are compared with each other, so {@code ./urls.txt}, a
   * symbolic link and a hard link to the list count, and so does a descriptor path open on it
   * ({@code /dev/fd/3} with {@code 3>> urls.txt}, Linux); {@code -} (stdin) counts as the regular
   * file it is redirected from ({@code < urls.txt}), if any, and {@code /dev/null} may be both.
   * Nor may a standard stream the run writes be open on the list ({@link StreamClashes#checkList},
   * with this process's streams).
   *
   * @throws IllegalArgumentException with a one-line message naming the option and the path
   */
  void checkNotUrlFile(String urlFile) {
    checkNotUrlFile(urlFile, StreamFiles.system());
  }

  /** As above, with the standard streams open on the files {@code streams} tells. */
  void checkNotUrlFile(String urlFile, StreamFiles streams) {
    checkNotInput(urlFile, "-".equals(urlFile) ? "the URL list '-' (standard input)" : "the URL file");
    StreamClashes.checkList(this, urlFile, streams);
  }

  /** As {@link #checkNotUrlFile}, for the {@code --rules} file (null: none). */
  void checkNotRulesFile(Path rules) {
    if (rules != null) checkNotInput(rules.toString(), "the rules file");
  }

  private void checkNotInput(String name, String role) {
    Path list;
    try {
      list = OutputTargets.identity(Path.of("-".equals(name) ? "/dev/stdin" : name));
    } catch (InvalidPathException e) {
      return; // no file can be read by that name, so none is overwritten
    }
    if (OutputTargets.discards(list)) return;
    // the lock --out takes by default (OUT.lock) was not named by --lock
    boolean defaultLock = out != null && lock != null && lock.equals(OutputLock.besides(out));
    // A file output takes its own lock (OUT.lock) beside a --lock too.
    Path ownLock = out == null || outStream || defaultLock ? null : OutputLock.besides(out);
    String[] options = {"--out", defaultLock ? "the lock file of --out" : "--lock", "--log", "--stats",
        "the lock file of --out"};
    Path[] paths = {out, lock, log, stats, ownLock};
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] != null && OutputTargets.writesInto(OutputTargets.identity(paths[i]), list)) {
        throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is " + role + "; refusing to overwrite it");
      }
    }
    for (Map.Entry<Path, String> beside : writtenBeside().entrySet()) {
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
  private Map<Path, String> writtenBeside() {
    Map<Path, String> files = new LinkedHashMap<>();
    if (out != null && !outStream) {
      TemporaryNames temporary = TemporaryNames.of(out);
      files.put(temporary.partial(), "the partial results of --out");
      for (Path rewrite : temporary.rewrites()) files.put(rewrite, "the temporary file of --resume");
    }
    if (log != null && !logStream) {
      for (Path rolled : LogFile.rolledFiles(log)) files.put(rolled, "a rolled log of --log");
      files.put(LogLock.lockFile(log), "the lock file of --log");
    }
    if (stats != null && !statsStream) files.put(StatsReport.temporaryFile(stats), "the temporary file of --stats");
    return files;
  }

  private static Path identity(Path path) {
    return path == null ? null : OutputTargets.identity(path);
  }

  /** A symbolic link stands for the file it points to (see {@link OutputTargets#followLinks}); null stays null. */
  private static Path followLinks(String option, Path path) {
    if (path == null) return null;
    try {
      return OutputTargets.followLinks(path);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " '" + path + "' cannot be followed: " + IoProblems.describe(e, path));
    }
  }

  /**
   * Refuses {@code -} for {@code --log}, {@code --stats} and {@code --lock}: unlike {@code --out -}
   * it would be a file named {@code -} in the current directory. The log and the stats take {@code
   * /dev/stderr} or {@code /dev/stdout}; a lock must be a file. Returns {@code name}.
   */
  private static String notDash(String option, String name) {
    if (!"-".equals(name)) return name;
    throw new IllegalArgumentException(option + " '-' would be a file named '-'; " + (option.equals("--lock")
        ? "a lock must be a regular file: give its name" : "use /dev/stderr (or /dev/stdout) for a standard stream"));
  }

  /**
   * A {@code --lock} that exists must be a regular file (after its links): a device such as {@code
   * /dev/null}, a pipe or a directory cannot hold the PID or be locked. Returns {@code lock}.
   */
  private static Path lockFile(Path lock) {
    if (!Files.exists(lock) || Files.isRegularFile(lock)) return lock;
    throw new IllegalArgumentException("--lock '" + lock + "' is " + (Files.isDirectory(lock) ? "a directory"
        : "not a regular file") + "; a lock must be a regular file");
  }

  private static Path path(String option, String name) {
    if (name == null) return null;
    if (name.isEmpty()) throw new IllegalArgumentException(option + " '' is empty; give a file name");
    // Path.of drops a trailing '/': "--out data/" would write a file named data; "data/." and
    // "data/.." name directories too
    if (name.endsWith("/") || name.equals(".") || name.equals("..") || name.endsWith("/.") || name.endsWith("/..")) {
      throw new IllegalArgumentException(option + " '" + name + "' names a directory; give a file name");
    }
    try {
      return PathArguments.of(name);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(option + " '" + name + "' is not a valid path: " + e.getReason());
    }
  }
}
