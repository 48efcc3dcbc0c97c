package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The file names of one run with their placeholders expanded (see {@link OutputNames}): the output
 * (null for stdout), its lock (null for stdout and for a stream unless {@code --lock} names one),
 * the log file and the stats file (null when not asked for). The output, the log and the stats file
 * are the ends of their symbolic links, and whether each is a stream ({@link OutputTargets#isStream})
 * is decided here, once. The non-null ones are distinct files (compared by {@link
 * OutputTargets#sameFile}, so two hard links to one file are the same file: see {@link NameClashes}),
 * and neither the log nor the stats file is standard output when the results go there; {@code
 * /dev/null} may be shared.
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
    NameClashes.checkDistinct(names);
    StreamClashes.check(names, streams);
    DerivedNames.check(names);
    return names;
  }

  /**
   * Refuses names that would write over the run's own URL list {@code urlFile}: the results renamed
   * onto it at the end (or appended to it while it is read), the lock's PID, the log or the stats
   * file written into it, or a file written beside one of them ({@link NameClashes}), which may
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
    NameClashes.checkNotInput(this, urlFile, "-".equals(urlFile) ? "the URL list '-' (standard input)" : "the URL file");
    StreamClashes.checkList(this, urlFile, streams);
  }

  /** As {@link #checkNotUrlFile}, for the {@code --rules} file (null: none). */
  void checkNotRulesFile(Path rules) {
    if (rules != null) NameClashes.checkNotInput(this, rules.toString(), "the rules file");
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
