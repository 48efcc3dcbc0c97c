package io.crawlpipe.store;

import io.crawlpipe.store.JvmLockTable.Claim;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Keeps two runs from writing the same output: an OS file lock ({@link FileChannel#tryLock()}) on a
 * lock file that holds the owner's PID and, on a second line, what it is writing. The operating system drops the lock when the owning process
 * ends, however it ends ({@code kill -9}, a crash, a power cut), so a lock is never stale; the file
 * itself stays and is harmless (unless this run created it and could not write its PID into it: then
 * it is removed). A lock file whose name the program chose is never opened through a symbolic link.
 * Closing releases the lock; closing again does nothing.
 *
 * <p>{@code acquire} is thread-safe: OS locks belong to the process, so which lock files this JVM
 * holds is process-wide state ({@link JvmLockTable}), and a second acquire of a held file from this
 * JVM is refused without opening it. An instance is not thread-safe; it has one owner.
 */
public final class OutputLock implements AutoCloseable {
  /** How many times {@link #take} locks a lock file that was replaced meanwhile before it gives up. */
  private static final int ATTEMPTS = 3;
  private final Path file;
  private final Object key;
  private final Claim claim;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean created;
  private final OwnerWriter writer;
  private boolean written;
  private SameFileLock alsoHeld;
  private boolean closed;

  private OutputLock(Path file, Object key, Claim claim, FileChannel channel, FileLock lock, boolean created,
      OwnerWriter writer) {
    this.file = file;
    this.key = key;
    this.claim = claim;
    this.channel = channel;
    this.lock = lock;
    this.created = created;
    this.writer = writer;
  }

  /** The default lock file for an output: {@code NAME.lock} beside it. */
  public static Path besides(Path output) {
    return output.resolveSibling(output.getFileName() + ".lock");
  }

  /**
   * Takes the lock on {@code file} (created, with its parent directories, if missing) without
   * waiting, and writes this process's PID into it. A symbolic link at {@code file} is refused,
   * not followed (a {@link java.nio.file.FileSystemException} naming it): for a lock file the user
   * named, which may be a link, use {@link #acquire(Path, String, boolean)} with {@code followLink}.
   *
   * @throws LockHeldException when another process (or another run in this one) holds it, or other
   *     code in this process has locked it
   * @throws IOException when the lock file cannot be created or written
   */
  public static OutputLock acquire(Path file) throws IOException {
    return acquire(file, null);
  }

  /**
   * As {@link #acquire(Path)}, and writes {@code holding} (what this run writes, such as its output's
   * name; null for nothing) into the lock file, so that a run refused by it can say what the holder
   * is writing ({@link LockHeldException#holding()}). Line breaks in it become spaces. A symbolic
   * link at {@code file} is not followed: see {@link #acquire(Path, String, boolean)}.
   */
  public static OutputLock acquire(Path file, String holding) throws IOException {
    return acquire(file, holding, false);
  }

  /**
   * As {@link #acquire(Path, String)}; with {@code followLink} false a symbolic link at {@code file}
   * is refused rather than followed (for a lock file whose name the program chose, such as {@link
   * #besides}: a link planted there must not make it write another file), with true it is followed
   * (a lock file the user named), and a held lock file reached through a link (symbolic or hard) is
   * refused as held. A lock file this call created is removed again when writing the PID into it fails.
   *
   * @throws LockHeldException when another process (or another run in this one) holds it, or other
   *     code in this process has locked it ({@link LockHeldException#byOtherCodeInThisProcess()})
   * @throws FileSystemException naming {@code file} when it is a refused link ("is a symbolic link
   *     ..."), or cannot be written (its reason the problem: "no space left on device")
   * @throws IOException when the lock file cannot be created
   */
  public static OutputLock acquire(Path file, String holding, boolean followLink) throws IOException {
    return acquire(file, holding, followLink, LockFileText::write);
  }

  /** As above, writing the lock file's text with {@code writer}; tests replace it to make the write fail. */
  static OutputLock acquire(Path file, String holding, boolean followLink, OwnerWriter writer) throws IOException {
    OutputLock taken = take(file, holding, followLink, writer);
    try {
      taken.writeOwner();
      return taken;
    } catch (IOException | RuntimeException e) {
      taken.close();
      throw e;
    }
  }

  /**
   * As {@link #acquire(Path, String, boolean)}, but the lock file's text is left as it is until
   * {@link #writeOwner()}: a run that needs several locks takes them all first, so that one refused
   * by the last leaves the others' files untouched, their times included. Closed before its text
   * is written, a lock removes the file if this call created it.
   *
   * @throws LockHeldException when another process (or another run in this one) holds it
   * @throws FileSystemException naming {@code file} when it is a refused link
   * @throws IOException when the lock file cannot be created or opened
   */
  public static OutputLock take(Path file, String holding, boolean followLink) throws IOException {
    return take(file, holding, followLink, LockFileText::write);
  }

  static OutputLock take(Path file, String holding, boolean followLink, OwnerWriter writer) throws IOException {
    return take(file, holding, followLink, writer, () -> {});
  }

  /**
   * As {@link #take(Path, String, boolean)}, running {@code opened} between opening the lock file
   * and locking it (a test's way into that window). A file locked there that is no longer the one
   * at {@code file} (a refused run removed the lock file it had created, and another made a new
   * one) is let go and the lock taken again, up to {@link #ATTEMPTS} times: a lock on a removed
   * file would keep no other run out.
   */
  static OutputLock take(Path file, String holding, boolean followLink, OwnerWriter writer, Runnable opened)
      throws IOException {
    Objects.requireNonNull(file, "file");
    String said = holding == null ? "" : holding.replaceAll("[\\r\\n]", " ");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    for (int attempt = 1; ; attempt++) {
      if (!followLink && Files.isSymbolicLink(file)) throw linked(file);
      boolean created = create(file, followLink);
      Object key = JvmLockTable.key(file, followLink);
      Claim claim = new Claim(said);
      Claim held = JvmLockTable.claim(key, claim);
      if (held != null) throw heldHere(file, held.holding);
      try {
        OutputLock taken = lock(file, key, claim, created, followLink, writer, opened);
        if (taken != null) return taken;
      } catch (IOException | RuntimeException e) {
        JvmLockTable.release(key, claim);
        throw e;
      }
      JvmLockTable.release(key, claim);
      if (attempt == ATTEMPTS) {
        throw new FileSystemException(file.toString(), null, "was replaced while being locked, " + ATTEMPTS
            + " times over; other runs are starting and ending on it");
      }
    }
  }

  /**
   * Locks {@code file} through the channel an earlier attempt kept ({@link JvmLockTable#takeKept}),
   * else a new one; null, with nothing held, when the file locked is no longer the one at {@code
   * file} ({@code key}).
   */
  private static OutputLock lock(Path file, Object key, Claim claim, boolean created, boolean followLink,
      OwnerWriter writer, Runnable opened) throws IOException {
    FileChannel kept = JvmLockTable.takeKept(key);
    FileChannel channel = kept != null ? kept : open(file, followLink);
    try {
      opened.run();
      FileLock lock = channel.tryLock();
      if (lock == null) throw LockFileText.held(file, channel);
      if (!key.equals(keyNow(file, followLink))) {
        lock.release();
        channel.close();
        return null;
      }
      return new OutputLock(file, key, claim, channel, lock, created, writer);
    } catch (OverlappingFileLockException e) {
      JvmLockTable.keep(key, channel);  // closing it would release the other lock of this process on the file
      throw LockHeldException.byOtherCodeInThisProcess(file);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The key of the file now at {@code file}, or null when there is none. */
  private static Object keyNow(Path file, boolean followLink) throws IOException {
    try {
      return JvmLockTable.key(file, followLink);
    } catch (NoSuchFileException gone) {
      return null;
    }
  }

  /** The refusal of a lock file that another run in this process holds, writing {@code holding} ("" if it did not say). */
  private static LockHeldException heldHere(Path file, String holding) {
    return new LockHeldException(file, Long.toString(ProcessHandle.current().pid()), holding.isEmpty() ? null : holding);
  }

  /**
   * Creates the lock file if it is missing (with {@code followLink}, a dangling link's target), true
   * when it made {@code file} itself. Its descriptor is closed at once, which is harmless: a file this
   * call creates is new, so no lock of this process is on it. An existing file is not opened.
   */
  private static boolean create(Path file, boolean followLink) throws IOException {
    Path target = file;
    for (int hops = 0; followLink && hops < 40 && Files.isSymbolicLink(target); hops++) {
      target = target.resolveSibling(Files.readSymbolicLink(target));
    }
    try {
      Files.createFile(target);  // O_EXCL: fails on any existing name, a link included
      return target == file;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /** Opens {@code file} for reading and writing, creating it; without {@code followLink}, never through a link. */
  private static FileChannel open(Path file, boolean followLink) throws IOException {
    if (followLink) return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (Files.isSymbolicLink(file)) throw linked(file);
    try {
      return FileChannel.open(file, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (FileSystemException e) {
      // A link planted since the check: the JDK's reason for O_NOFOLLOW's ELOOP says little.
      if (Files.isSymbolicLink(file)) throw linked(file);
      throw e;
    }
  }

  private static FileSystemException linked(Path file) {
    return new FileSystemException(file.toString(), null, "is a symbolic link, which is not followed to a lock file");
  }

  /** Writes the lock file's text into the locked channel. */
  @FunctionalInterface
  interface OwnerWriter {
    void write(FileChannel channel, byte[] text) throws IOException;
  }

  /**
   * Writes this process's PID, and what it writes, into the lock file taken by {@link #take}; a
   * lock file {@code take} created is removed again when that fails. A second call does nothing.
   *
   * @throws FileSystemException naming the file when its text cannot be written ("no space left on device")
   */
  public void writeOwner() throws IOException {
    if (written) return;
    try {
      writer.write(channel, LockFileText.of(claim.holding));
      written = true;
    } catch (IOException e) {
      // Removed while this process still holds the lock, so no other run took it meanwhile.
      if (created) Files.deleteIfExists(file);
      throw LockFileText.unwritable(file, e);
    }
  }

  /**
   * Makes {@code other}, the lock on the output file itself, this lock's to close, after its own;
   * one at most.
   */
  public void alsoHold(SameFileLock other) {
    if (alsoHeld != null) throw new IllegalStateException("already holds another");
    alsoHeld = Objects.requireNonNull(other, "other");
  }

  public Path file() {
    return file;
  }

  /**
   * Releases the lock and closes the lock file, which stays, unless its text was never written and
   * {@link #take} created it: it is removed first, while still held. Then closes what {@link
   * #alsoHold} gave it. A second call does nothing.
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try (SameFileLock other = alsoHeld; channel) {
      if (created && !written) Files.deleteIfExists(file);
      lock.release();
    } finally {
      JvmLockTable.release(key, claim);
    }
  }
}
