package io.crawlpipe.store;

import io.crawlpipe.store.JvmLockTable.Claim;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * An OS file lock ({@code fcntl}, through {@link FileChannel#tryLock()}) on an output file itself,
 * for a run that appends to it: such locks are per file (device and inode), not per name, so two
 * runs appending to one file through two hard links, each holding its own {@code NAME.lock}, are
 * still kept apart. Nothing is written into the file.
 *
 * <p>The lock of a process on a file is dropped when the process closes <em>any</em> descriptor of
 * that file, as reading the output's end before appending does: so {@link #take} refuses a run at
 * once when another holds the file, and {@link #renew}, called once the file is open for the rest of
 * the run, takes it again, for good. Within this JVM a file held is refused without being opened
 * ({@link JvmLockTable}). Closing releases it; closing again does nothing. Not thread-safe: one
 * owner.
 */
public final class SameFileLock implements AutoCloseable {
  private final Path file;
  private final String holding;
  private Object key;
  private Claim claim;
  private FileChannel channel;
  private FileLock lock;

  private SameFileLock(Path file, String holding) {
    this.file = file;
    this.holding = holding;
  }

  /**
   * Locks {@code file} if it exists (it is not created), for a run that writes it as {@code holding}
   * (its name, for a refusal in this JVM to say).
   *
   * @throws LockHeldException when another run holds the file, whatever name it gave it: its {@link
   *     LockHeldException#lockFile()} is {@code file}, and the PID the holder's, where the system tells it
   * @throws IOException when the file cannot be opened for writing
   */
  public static SameFileLock take(Path file, String holding) throws IOException {
    SameFileLock taken = new SameFileLock(Objects.requireNonNull(file, "file"), Objects.requireNonNull(holding, "holding"));
    try {
      taken.renew();
      return taken;
    } catch (IOException | RuntimeException e) {
      taken.close();
      throw e;
    }
  }

  /**
   * Takes the lock again on the file now at this lock's path (another file if it was replaced, or
   * first created, since), now that this process may have dropped it by closing a descriptor of it.
   *
   * @throws LockHeldException when another run took it meanwhile
   * @throws IOException when the file cannot be opened for writing
   */
  public void renew() throws IOException {
    if (!Files.exists(file)) return;
    Object now = JvmLockTable.key(file, true);
    if (!now.equals(key)) claim(now);
    if (lock != null) lock.release();  // the JDK's record of it; the system's may be gone already
    lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      JvmLockTable.keep(key, channel);  // closing it would release the other lock of this process on the file
      channel = null;
      throw LockHeldException.byOtherCodeInThisProcess(file);
    }
    if (lock == null) throw new LockHeldException(file, FileLockHolders.pidOf(file), null);
  }

  /** Leaves the file held before (if any) and claims the one {@code now} names in this JVM, opening it. */
  private void claim(Object now) throws IOException {
    release();
    Claim mine = new Claim(holding);
    Claim held = JvmLockTable.claim(now, mine);
    if (held != null) {
      throw new LockHeldException(file, Long.toString(ProcessHandle.current().pid()),
          held.holding.isEmpty() ? null : held.holding);
    }
    key = now;
    claim = mine;
    FileChannel kept = JvmLockTable.takeKept(now);
    channel = kept != null ? kept : FileChannel.open(file, StandardOpenOption.WRITE);
  }

  private void release() throws IOException {
    try (FileChannel closing = channel) {
      if (lock != null && lock.isValid()) lock.release();
    } finally {
      if (key != null) JvmLockTable.release(key, claim);
      key = null;
      claim = null;
      channel = null;
      lock = null;
    }
  }

  /** Releases the lock and closes the file; a second call does nothing. */
  @Override
  public void close() throws IOException {
    release();
  }
}
