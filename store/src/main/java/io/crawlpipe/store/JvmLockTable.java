package io.crawlpipe.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What this JVM knows of its own locks on lock files, for {@link OutputLock}. OS file locks belong to
 * the process, and closing <em>any</em> channel on a locked file drops the process's lock on it (see
 * {@link FileLock}; {@code fcntl} locks on Linux), so this is process-wide state by nature: a second
 * acquire from this JVM must be refused before it opens the file, and a channel that met another
 * lock of this process must stay open. Files are keyed by {@link BasicFileAttributes#fileKey()}
 * (device and inode), so that a link to a file is the same file. Thread-safe.
 */
final class JvmLockTable {
  /** Lock files this JVM's {@link OutputLock}s hold, or are being acquired, each mapped to its holder's claim. */
  private static final Map<Object, Claim> HELD = new ConcurrentHashMap<>();
  /**
   * A channel on each lock file that met a lock held in this JVM by other code than {@link OutputLock}
   * ({@link OverlappingFileLockException}): closing it would drop that lock, so it stays open, and
   * referenced (a cleaner would close an unreferenced one), until an acquire of that file takes it
   * back to try again. One per file, so a program that polls {@code acquire} opens no more.
   */
  private static final Map<Object, FileChannel> KEPT_OPEN = new ConcurrentHashMap<>();
  /**
   * Such channels on files known by path only (the system gave no file key): another file may have
   * taken that path since, so they are never tried again, and stay open until the JVM ends.
   */
  private static final Queue<FileChannel> KEPT_FOR_GOOD = new ConcurrentLinkedQueue<>();

  private JvmLockTable() {}

  /** One acquire's hold on a lock file, what its holder writes ("" if it did not say); equal only to itself. */
  static final class Claim {
    final String holding;

    Claim(String holding) {
      this.holding = holding;
    }
  }

  /**
   * Registers {@code claim} on the file {@code key} names unless another claim is on it.
   *
   * @return null when {@code claim} now holds the file, else the claim already on it
   */
  static Claim claim(Object key, Claim claim) {
    return HELD.putIfAbsent(key, claim);
  }

  /** Removes {@code claim} from the file {@code key} names; does nothing if another claim holds it. */
  static void release(Object key, Claim claim) {
    HELD.remove(key, claim);
  }

  /** Which file {@code file} is, as this table knows it: its device and inode where the system tells them. */
  static Object key(Path file, boolean followLink) throws IOException {
    LinkOption[] options = followLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    Object fileKey = Files.readAttributes(file, BasicFileAttributes.class, options).fileKey();
    if (fileKey != null) return fileKey;
    if (followLink) return file.toRealPath();
    Path parent = file.toAbsolutePath().getParent();
    return (parent == null ? file.toAbsolutePath() : parent.toRealPath().resolve(file.getFileName())).normalize();
  }

  /**
   * Keeps {@code channel} on the file {@code key} names open and referenced: closing it would drop
   * another lock of this process. Only the holder of the claim on {@code key} calls this, after
   * {@link #takeKept}, so no other channel is kept for that file.
   */
  static void keep(Object key, FileChannel channel) {
    if (key instanceof Path) KEPT_FOR_GOOD.add(channel);
    else KEPT_OPEN.put(key, channel);
  }

  /**
   * The channel kept on the file {@code key} names, no longer kept (the caller owns it now: to lock
   * it, or to keep it again), or null if there is none. Only the holder of the claim on {@code key}
   * calls this. A kept channel holds its file's inode, so no other file can take its device and
   * inode meanwhile; a file known by path has none to take.
   */
  static FileChannel takeKept(Object key) {
    return key instanceof Path ? null : KEPT_OPEN.remove(key);
  }
}
