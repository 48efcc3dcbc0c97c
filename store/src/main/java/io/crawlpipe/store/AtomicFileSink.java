package io.crawlpipe.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A results file that appears whole: lines go to a temporary file beside the target ({@code
 * NAME.partial}, see {@link #partialFile}) and {@link #commit()} renames it onto the target in one
 * atomic step, so a consumer sees the target absent (or its previous version) or complete, never
 * half written. Closing without committing leaves the temporary file in place, whole line by whole
 * line, for {@code --resume}. The temporary file's name is crawlpipe's own: it is never written
 * through a symbolic link found there (see {@link #create(Path)}, {@link #resume}), while {@code
 * target} itself is the caller's to resolve (the rename replaces a link at it).
 *
 * <p>A temporary file {@link #create(Path, TemporaryFileGuard)} starts is created through the guard
 * and listed there until its first line is written (or the sink is closed): a halt before that
 * deletes it, as it holds nothing to resume.
 *
 * <p>{@link #write} is thread-safe (lines never interleave and each is flushed whole); {@code
 * commit} and {@code close} belong to the owner and must not race with writes it still expects.
 *
 * <p>Writing, syncing and committing ignore the calling thread's interrupt status (and keep it): the
 * file is written through a plain {@link FileOutputStream}, not an interruptible {@link
 * FileChannel}, which an interrupted writer would close, losing every later line. A crawl's caller
 * may interrupt its thread (see {@code Crawler}) while that thread writes lines.
 */
public final class AtomicFileSink implements ResultSink {
  private final Path target;
  private final Path partial;
  /** The temporary file, open for appending; synced through its descriptor. */
  private final FileOutputStream file;
  private final JsonLinesSink lines;
  /** Lists the temporary file until its first line is written ({@link #released}); NONE for resume. */
  private final TemporaryFileGuard guard;
  /** Set once {@link #guard} no longer lists the temporary file. */
  private volatile boolean released;
  private boolean closed;

  private AtomicFileSink(Path target, boolean append, TemporaryFileGuard guard) throws IOException {
    this.target = Objects.requireNonNull(target, "target");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.partial = partialFile(target);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    // Created (or opened, to resume) here, so that a failure is the same precise NIO exception as
    // ever (AccessDeniedException, ...), never through a symbolic link at the temporary file's name
    // (FreshFiles); then written through a stream an interrupt does not close.
    FileChannel opened = append ? FreshFiles.openExisting(partial)
        : guard.create(partial, file -> FreshFiles.create(file, target));
    try (opened) {
      this.file = FreshFiles.appendingStream(partial);
    } catch (IOException | RuntimeException e) {
      release();
      throw e;
    }
    this.lines = JsonLinesSink.to(file, partial.toString());
  }

  /** The temporary file beside {@code target} that holds the lines until the commit. */
  public static Path partialFile(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /**
   * Starts an empty temporary file, creating parent directories. What was at its name (a file an
   * earlier run left, a symbolic link) is removed first, never written through; when {@code target}
   * exists, the new file gets its permissions, owner and group (as far as this process may set
   * them), which the commit then carries onto the target.
   */
  public static AtomicFileSink create(Path target) throws IOException {
    return create(target, TemporaryFileGuard.NONE);
  }

  /**
   * As {@link #create(Path)}, creating the temporary file through {@code guard}, which lists it
   * until its first line is written or the sink is closed: a halt before then deletes it.
   *
   * @throws IOException from creating the file, or when {@code guard} refuses (a halt has begun)
   */
  public static AtomicFileSink create(Path target, TemporaryFileGuard guard) throws IOException {
    return new AtomicFileSink(target, false, guard);
  }

  /**
   * Appends to the temporary file, which must end with a whole line ({@link ResultFileRepair}).
   *
   * @throws java.nio.file.FileSystemException when the temporary file is a symbolic link (refused, not followed)
   */
  public static AtomicFileSink resume(Path target) throws IOException {
    return new AtomicFileSink(target, true, TemporaryFileGuard.NONE);
  }

  public Path target() {
    return target;
  }

  public Path partial() {
    return partial;
  }

  @Override
  public void write(CrawlResult result) {
    lines.write(result);
    if (!released) release();
  }

  /** The temporary file holds a line, or the sink is done with it: a halt now leaves it alone. */
  private void release() {
    released = true;
    guard.release(partial);
  }

  /**
   * Flushes, forces the lines to disk and renames the temporary file onto the target (replacing
   * it, whose permissions it takes first), then syncs the directory so the rename survives a power loss.
   *
   * @throws StoreException when any step fails; the temporary file then stays for --resume
   */
  public synchronized void commit() {
    close();
    try {
      FreshFiles.matchPermissions(partial, target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectoryUninterrupted(target.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreException("cannot move '" + partial + "' onto '" + target + "': " + FileProblems.describe(e), e);
    }
  }

  /** Flushes and closes the temporary file without committing; later writes fail. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (!released) release();
    try (file) {
      lines.close();
      file.getFD().sync();
    } catch (IOException e) {
      throw new StoreException("cannot finish '" + partial + "': " + FileProblems.describe(e), e);
    }
  }

  /**
   * {@link #syncDirectory} with the thread's interrupt status cleared meanwhile (a directory is
   * synced through a FileChannel, which an interrupt closes) and restored after.
   */
  private static void syncDirectoryUninterrupted(Path dir) {
    boolean interrupted = Thread.interrupted();
    try {
      syncDirectory(dir);
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static void syncDirectory(Path dir) {
    if (dir == null) return;
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open or sync a directory; the rename itself is still atomic.
    }
  }
}
