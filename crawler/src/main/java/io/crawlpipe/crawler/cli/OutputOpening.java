package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.JsonLinesSink;
import io.crawlpipe.store.LockHeldException;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.ResultFileScanner.Scan;
import io.crawlpipe.store.SameFileLock;
import io.crawlpipe.store.StoreException;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a {@link ResultOutput}: takes its locks, and prepares its sink as its kind asks (see
 * {@link ResultOutput} for the four kinds). Stateless; safe from any thread, though a run opens one
 * output, from its own thread. No argument may be null unless its parameter says so. Ownership: the
 * returned output owns the sink and the locks taken for it; when opening fails, whatever was taken
 * is released before the exception leaves.
 */
final class OutputOpening {
  private OutputOpening() {
  }

  /**
   * Writes to {@code stream}, the run's standard output or error that {@code target} names (see
   * {@link StandardStream}; null for {@code --out -}), through the stream itself: nothing is opened, truncated or closed, so
   * each line is one write at the offset the stream shares with the summary and the log. Takes the
   * lock on {@code lockFile} first, if one is named.
   *
   * @throws LockHeldException when another run holds the lock
   * @throws IOException when the lock cannot be taken
   */
  static ResultOutput standard(PrintStream stream, StandardStream which, Path target, Path lockFile)
      throws IOException {
    OutputLock lock = lockFile == null ? null : lock(lockFile, target);
    try {
      written(lock, null, target);
    } catch (IOException | RuntimeException e) {
      if (lock != null) lock.close();
      throw e;
    }
    return new ResultOutput(JsonLinesSink.to(stream, which.label()), null, lock, null, target, which.label(),
        new FingerprintSet(), null, null);
  }

  /**
   * Takes the lock on {@code lockFile} (none if null) and, for a file that is not a stream, the
   * output's own lock beside it too when {@code lockFile} is another file: two runs on one output
   * are kept apart whether or not both name the same {@code --lock}; with {@code append}, the
   * output file itself is locked too ({@link SameFileLock}), so that two runs appending to one file
   * through two hard links (two {@code OUT.lock}) are kept apart as well. The locks' texts are
   * written only once all are taken. Then prepares {@code target}:
   * with {@code stream} (a device, pipe or descriptor path, {@link OutputTargets#isStream}) it is
   * opened for writing as it is; otherwise, with {@code resume}, the finished lines of the earlier run (its
   * temporary file if it left one, else the target) are kept and their URLs collected to be
   * skipped ({@link ResultFileRepair#prepare}); otherwise a fresh temporary file is started (or,
   * with {@code append}, the end of the target is checked before appending, {@link
   * ResultFileRepair#prepareAppend}). With {@code append}, the temporary file of a run without it
   * ({@code OUT.partial}) is discarded with a warning, or refused with {@code resume}: its lines
   * belong to another run. A fresh temporary file, and a rewrite for {@code resume}, are created
   * through {@code guard}, which deletes them if the process is halted (the fresh one only until its
   * first line: {@link AtomicFileSink#create(Path, TemporaryFileGuard)}); one that a rewrite which
   * never finished left is removed ({@link EarlierResults}). A symbolic link at the name of one of
   * these temporary files is never read or written through: it is removed, or refused with {@code
   * resume} at {@code OUT.partial} ({@link #removeLinkedTemporaries}). Bytes dropped and files
   * discarded or removed go to {@code warn}, one line each.
   *
   * @throws LockHeldException when another run holds the lock
   * @throws LockFileException when the lock file cannot be created or written, or the output's own
   *     lock file is a symbolic link or not a regular file
   * @throws ResultOutput.Refused when the earlier run's file cannot be continued, {@code resume}
   *     finds a symbolic link at {@code OUT.partial}, or {@code OUT.partial} is not a regular file
   *     (a directory); nothing was changed
   * @throws StoreException when the earlier run's file cannot be repaired (disk full)
   * @throws IOException when the lock, the output or its temporary file cannot be written
   */
  static ResultOutput file(Path target, boolean stream, Path lockFile, boolean append, boolean resume,
      TemporaryFileGuard guard, Consumer<String> warn) throws IOException {
    if (Files.isDirectory(target)) throw new IOException("is a directory");
    OutputLock lock = lockFile == null ? null : lock(lockFile, target);
    OutputLock own = null;
    SameFileLock same = null;
    try {
      Path besides = OutputLock.besides(target);
      boolean shared = lockFile != null && Files.exists(besides) && Files.isSameFile(besides, lockFile);
      if (!stream && !shared) own = lock(besides, target);
      if (!stream && append) same = SameFileLock.take(target, target.toAbsolutePath().toString());
      written(lock, own, target);  // only once all are taken: a refused run leaves every lock file as it was
      if (stream) return stream(target, lock);
      removeLinkedTemporaries(target, resume, warn);
      FingerprintSet done = new FingerprintSet();
      EarlierResults earlier = new EarlierResults(guard, warn);
      Scan scan = append ? earlier.forAppend(target, resume, done) : earlier.forDefaultMode(target, resume, done);
      if (append) return appending(target, lock, own, same, done, scan);
      AtomicFileSink sink = scan == null ? AtomicFileSink.create(target, guard) : AtomicFileSink.resume(target);
      return new ResultOutput(sink, sink, lock, own, target, target.toString(), done, scan, null);
    } catch (IOException | RuntimeException e) {
      try (OutputLock ownToClose = own; SameFileLock sameToClose = same) {
        if (lock != null) lock.close();
      }
      throw e;
    }
  }

  /**
   * Opens {@code target} to append to, then takes the lock on the file itself ({@code same}) again
   * for the rest of the run: reading its end has dropped it ({@link SameFileLock#renew}). The lock
   * goes with {@code own}, else {@code lock}; if it cannot be taken, the sink is closed, with nothing
   * written.
   */
  private static ResultOutput appending(Path target, OutputLock lock, OutputLock own, SameFileLock same,
      FingerprintSet done, Scan scan) throws IOException {
    AppendStart start = AppendStart.of(target);
    JsonLinesSink sink = JsonLinesSink.append(target);
    try {
      same.renew();
    } catch (IOException | RuntimeException e) {
      sink.close();
      throw e;
    }
    (own != null ? own : lock).alsoHold(same);
    return new ResultOutput(sink, null, lock, own, target, target.toString(), done, scan, start);
  }

  private static ResultOutput stream(Path target, OutputLock lock) throws IOException {
    try {
      // Appending: a device or a pipe is neither replaced nor truncated, and a descriptor path that
      // refers to a regular file (cron's log) keeps what is already in it.
      return new ResultOutput(JsonLinesSink.append(target), null, lock, null, target, target.toString(),
          new FingerprintSet(), null, null);
    } catch (IOException | RuntimeException e) {
      if (lock != null) lock.close();
      throw e;
    }
  }

  /**
   * Removes, with a warning each, a symbolic link at the name of a temporary file of {@code target}
   * ({@code OUT.partial}, {@code OUT.partial.resume}, {@code OUT.resume}): those names are this
   * program's own, so a link there is not its work, and following it could make the run read or
   * overwrite any file. With {@code resume}, a link at {@code OUT.partial}, where the lines to
   * continue would be, refuses the run instead.
   */
  private static void removeLinkedTemporaries(Path target, boolean resume, Consumer<String> warn) throws IOException {
    TemporaryNames temporary = TemporaryNames.of(target);
    for (Path tmp : temporary.all()) {
      if (!Files.isSymbolicLink(tmp)) continue;
      if (resume && tmp.equals(temporary.partial())) {
        throw new ResultOutput.Refused("'" + tmp + "' is a symbolic link, not unfinished results this program"
            + " wrote; refusing to resume from it (remove the link, or put the file it points to in its place)");
      }
      warn.accept("removing " + tmp + ", a symbolic link at the name of a temporary file of " + target
          + " (it is never followed; the file it points to is left as it is)");
      Files.delete(tmp);
    }
  }

  /**
   * Takes the lock on {@code lockFile}, for the output {@code target} (null for none). The output's
   * own lock file beside it ({@link OutputLock#besides}), whose name the program chose, is not
   * followed if it is a symbolic link but refused; a {@code --lock} file the user named is followed.
   * A {@code --lock} file that fails is named as such; the default one beside the output is the
   * output's problem, with the lock file named ({@link IoProblems#describe(IOException, Object)}, or
   * after the reason the system gave about it: {@link LockFileException#besideOutput}), except that
   * one that is not a regular file (a directory, a named pipe) is refused as such before it is
   * opened ({@link LockFileException#notAFile}).
   */
  private static OutputLock lock(Path lockFile, Path target) throws IOException {
    boolean own = isOwn(lockFile, target);
    if (own && Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(lockFile)
        && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      throw LockFileException.notAFile(lockFile, target, Files.isDirectory(lockFile, LinkOption.NOFOLLOW_LINKS));
    }
    try {
      return OutputLock.take(lockFile, target == null ? "-" : target.toAbsolutePath().toString(), !own);
    } catch (IOException e) {
      throw problem(e, lockFile, target);
    }
  }

  /**
   * Writes the text (PID, output) of each lock {@link #lock} took (either may be null), once all the
   * run's locks are taken; a failure is named as {@link #lock} names it.
   */
  private static void written(OutputLock lock, OutputLock own, Path target) throws IOException {
    for (OutputLock taken : new OutputLock[] {lock, own}) {
      if (taken == null) continue;
      try {
        taken.writeOwner();
      } catch (IOException e) {
        throw problem(e, taken.file(), target);
      }
    }
  }

  private static boolean isOwn(Path lockFile, Path target) {
    return target != null && lockFile.equals(OutputLock.besides(target));
  }

  /** The failure {@code e} of the lock file {@code lockFile}, as {@link #lock} says it names it. */
  private static IOException problem(IOException e, Path lockFile, Path target) {
    if (e instanceof LockHeldException) return e;
    if (!isOwn(lockFile, target)) return new LockFileException(lockFile, e);
    if (Files.isSymbolicLink(lockFile)) return LockFileException.linked(lockFile, e);
    if (e instanceof FileSystemException f && f.getReason() != null && lockFile.toString().equals(f.getFile())) {
      return LockFileException.besideOutput(lockFile, target, e);
    }
    return e;
  }
}
