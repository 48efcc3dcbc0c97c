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
   * Channels that met a lock held in this JVM by other code than {@link OutputLock} ({@link
   * OverlappingFileLockException}): closing one would drop that lock, so they stay open, and referenced
   * (a cleaner would close an unreferenced one), until the JVM ends.
   */
  private static final Queue<FileChannel> KEPT_OPEN = new ConcurrentLinkedQueue<>();

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

  /** Keeps {@code channel} open and referenced until the JVM ends: closing it would drop another lock of this process. */
  static void keep(FileChannel channel) {
    KEPT_OPEN.add(channel);
  }
}
