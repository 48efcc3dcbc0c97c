package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.JsonLinesSink;
import io.crawlpipe.store.LockHeldException;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.ResultFileRepair;
import io.crawlpipe.store.ResultFileScanner.Scan;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where one run's results go, with the lock and what a resumed run already has. Four kinds:
 * standard output (no lock, no temporary file); an existing non-regular file such as a device or a
 * named pipe, written directly (lock only if one is named); a file written through {@link
 * AtomicFileSink} and renamed onto the target by {@link #finish()}; or, with {@code --append}, the
 * target itself.
 * Owns its sink and lock; {@link #close()} releases both, leaving an unfinished temporary file for
 * {@code --resume}. {@link #abandon()} may be called from another thread; the rest is the owner's.
 */
final class ResultOutput implements AutoCloseable {
  private final ResultSink sink;
  private final AtomicFileSink atomic;
  private final OutputLock lock;
  private final Path target;
  private final FingerprintSet done;
  private final Scan resumed;
  private volatile boolean finished;

  private ResultOutput(ResultSink sink, AtomicFileSink atomic, OutputLock lock, Path target,
      FingerprintSet done, Scan resumed) {
    this.sink = sink;
    this.atomic = atomic;
    this.lock = lock;
    this.target = target;
    this.done = done;
    this.resumed = resumed;
  }

  static ResultOutput stdout(PrintStream stdout) {
    return new ResultOutput(JsonLinesSink.to(stdout, "stdout"), null, null, null, new FingerprintSet(), null);
  }

  /**
   * Takes the lock on {@code lockFile} (none if null), then prepares {@code target}: a device or
   * pipe ({@link #isStream}) is opened for writing as it is; otherwise, with {@code resume}, the
   * finished lines of the earlier run (its temporary file if it left one, else the target) are kept
   * and their URLs collected to be skipped; otherwise a fresh temporary file is started (or, with
   * {@code append}, a cut last line is dropped before appending).
   *
   * @throws LockHeldException when another run holds the lock
   * @throws LockFileException when the lock file cannot be created or written
   * @throws IOException when the lock, the output or its temporary file cannot be written
   */
  static ResultOutput file(Path target, Path lockFile, boolean append, boolean resume, Consumer<String> warn)
      throws IOException {
    if (Files.isDirectory(target)) throw new IOException("is a directory");
    OutputLock lock = lockFile == null ? null : lock(lockFile, target);
    if (isStream(target)) return stream(target, lock);
    try {
      FingerprintSet done = new FingerprintSet();
      ResultFileRepair repair = new ResultFileRepair();
      Path partial = AtomicFileSink.partialFile(target);
      Path source = !resume ? null : !append && Files.exists(partial) ? partial : Files.exists(target) ? target : null;
      Scan scan = source == null ? null : repair.prepare(source, append ? target : partial, done::add);
      if (append) {
        if (!resume) repair.dropCutLine(target);
        return new ResultOutput(JsonLinesSink.append(target), null, lock, target, done, scan);
      }
      if (!resume && Files.exists(partial)) {
        warn.accept("discarding " + partial + ", the unfinished results of an interrupted run (--resume continues such a run)");
      }
      AtomicFileSink sink = scan == null ? AtomicFileSink.create(target) : AtomicFileSink.resume(target);
      return new ResultOutput(sink, sink, lock, target, done, scan);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Whether {@code target} is written directly, as a stream, never replaced by a rename and with no
   * lock file beside it: an existing device ({@code /dev/null}) or named pipe, or a file descriptor
   * path ({@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N})
   * whatever it refers to — under cron, {@code /dev/stdout} is often the job's log file.
   */
  static boolean isStream(Path target) {
    return isDescriptorPath(target)
        || Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  private static boolean isDescriptorPath(Path path) {
    String name = path.toAbsolutePath().normalize().toString();
    return name.equals("/dev/stdout") || name.equals("/dev/stderr") || name.startsWith("/dev/fd/")
        || name.startsWith("/proc/self/fd/");
  }

  /**
   * The file a chain of symbolic links ends at, so that the rename replaces the file a link points
   * to and leaves the link alone; {@code path} itself when it is not a link. The end may not exist
   * yet. A chain that reaches a file descriptor path stops there (see {@link #isStream}).
   *
   * @throws IOException when the chain is longer than 40 links (a loop) or cannot be read
   */
  static Path followLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; !isDescriptorPath(current) && Files.isSymbolicLink(current); hops++) {
      if (hops == 40) throw new IOException("too many levels of symbolic links");
      Path parent = current.toAbsolutePath().getParent();
      Path link = Files.readSymbolicLink(current);
      current = parent == null ? link : parent.resolve(link);
    }
    return current;
  }

  private static ResultOutput stream(Path target, OutputLock lock) throws IOException {
    try {
      // Appending: a device or a pipe is neither replaced nor truncated, and a descriptor path that
      // refers to a regular file (cron's log) keeps what is already in it.
      return new ResultOutput(JsonLinesSink.append(target), null, lock, target, new FingerprintSet(), null);
    } catch (IOException | RuntimeException e) {
      if (lock != null) lock.close();
      throw e;
    }
  }

  /** A lock file of its own (--lock) that fails is named as such; the default one beside the output is the output's problem. */
  private static OutputLock lock(Path lockFile, Path target) throws IOException {
    try {
      return OutputLock.acquire(lockFile);
    } catch (LockHeldException e) {
      throw e;
    } catch (IOException e) {
      if (lockFile.equals(OutputLock.besides(target))) throw e;
      throw new LockFileException(lockFile, e);
    }
  }

  ResultSink sink() {
    return sink;
  }

  /** URLs the earlier run finished (empty unless resuming); the new run skips them. */
  FingerprintSet done() {
    return done;
  }

  /** Final lines kept from the earlier run, and how many of them failed. */
  long resumedLines() {
    return resumed == null ? 0 : resumed.finalLines();
  }

  long resumedFailed() {
    return resumed == null ? 0 : resumed.finalFailed();
  }

  /** How the summary names the output. */
  String name() {
    return target == null ? "stdout" : target.toString();
  }

  /**
   * Completes the output: flushes, and renames the temporary file onto the target.
   *
   * @throws io.crawlpipe.store.StoreException when that fails (the temporary file stays)
   */
  void finish() {
    if (atomic != null) atomic.commit(); else sink.close();
    finished = true;
  }

  /**
   * Seals the output at once, for a second stop signal: waits for the line being written, then
   * closes without renaming. Returns where the lines written so far are.
   */
  String abandon() {
    sink.close();
    if (atomic != null) return atomic.partial() + " (whole lines; --resume finishes the run)";
    return name() + " (whole lines; --resume finishes the run)";
  }

  /** Releases the sink (without renaming: an unfinished run's lines stay for --resume) and the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (!finished) sink.close();
    } catch (StoreException e) {
      // The run already failed or stopped; the error it reported is the one that matters.
    } finally {
      if (lock != null) lock.close();
    }
  }
}
