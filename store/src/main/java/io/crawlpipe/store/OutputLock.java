package io.crawlpipe.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two runs from writing the same output: an OS file lock ({@link FileChannel#tryLock()}) on a
 * lock file that holds the owner's PID and, on a second line, what it is writing. The operating system drops the lock when the owning process
 * ends, however it ends ({@code kill -9}, a crash, a power cut), so a lock is never stale; the file
 * itself stays and is harmless (unless this run created it and could not write its PID into it: then
 * it is removed). A lock file whose name the program chose is never opened through a symbolic link.
 * Closing releases the lock. Not thread-safe; one owner.
 */
public final class OutputLock implements AutoCloseable {
  /**
   * Lock files this JVM holds. OS file locks belong to the process, and closing <em>any</em> channel
   * on a locked file drops the process's lock on it (see {@link FileLock}), so a second attempt from
   * this JVM must not even open the file: it is refused here. This is process-wide state by nature,
   * the one mutable static of the project. Each lock file maps to what its holder is writing ("" if
   * it did not say).
   */
  private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path file, Path key, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
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
   * @throws LockHeldException when another process (or another run in this one) holds it
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
   * (a lock file the user named). A lock file this call created is removed again when writing the
   * PID into it fails.
   *
   * @throws LockHeldException when another process (or another run in this one) holds it
   * @throws FileSystemException naming {@code file} when it is a refused link ("is a symbolic link
   *     ..."), or cannot be written (its reason the problem: "no space left on device")
   * @throws IOException when the lock file cannot be created
   */
  public static OutputLock acquire(Path file, String holding, boolean followLink) throws IOException {
    return acquire(file, holding, followLink, OutputLock::writeOwner);
  }

  /** As above, writing the lock file's text with {@code writer}; tests replace it to make the write fail. */
  static OutputLock acquire(Path file, String holding, boolean followLink, OwnerWriter writer) throws IOException {
    Objects.requireNonNull(file, "file");
    String said = holding == null ? "" : holding.replaceAll("[\\r\\n]", " ");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path key = (parent == null ? file.toAbsolutePath() : parent.toRealPath().resolve(file.getFileName())).normalize();
    String held = HELD_IN_THIS_JVM.putIfAbsent(key, said);
    if (held != null) {
      throw new LockHeldException(file, Long.toString(ProcessHandle.current().pid()), held.isEmpty() ? null : held);
    }
    try {
      return lock(file, key, said, followLink, writer);
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key);
      throw e;
    }
  }

  private static OutputLock lock(Path file, Path key, String holding, boolean followLink, OwnerWriter writer)
      throws IOException {
    boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    FileChannel channel = open(file, followLink);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) throw held(file, channel);
      String text = ProcessHandle.current().pid() + "\n" + (holding.isEmpty() ? "" : holding + "\n");
      try {
        writer.write(channel, text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Removed while this process still holds the lock, so no other run took it meanwhile.
        if (!existed) Files.deleteIfExists(file);
        throw unwritable(file, e);
      }
      return new OutputLock(file, key, channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      throw e;
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

  /** The failed write of the lock file's text as an exception that names the file (a full disk's has no name). */
  private static FileSystemException unwritable(Path file, IOException e) {
    if (e instanceof FileSystemException f && file.toString().equals(f.getFile())) return f;
    FileSystemException named = new FileSystemException(file.toString(), null, FileProblems.describe(e));
    named.initCause(e);
    return named;
  }

  /** Replaces the lock file's text with {@code text}, on disk. */
  private static void writeOwner(FileChannel channel, byte[] text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text), 0);
    channel.force(false);
  }

  /** Writes the lock file's text into the locked channel. */
  @FunctionalInterface
  interface OwnerWriter {
    void write(FileChannel channel, byte[] text) throws IOException;
  }

  /** The refusal, with the PID and what the holder writes as its lock file says (older runs wrote the PID only). */
  private static LockHeldException held(Path file, FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    int n = channel.read(buffer, 0);
    String[] lines = n <= 0 ? new String[0] : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).split("\n", -1);
    String pid = lines.length > 0 && lines[0].strip().matches("\\d+") ? lines[0].strip() : null;
    // The second line counts only when whole: a path cut at the buffer's end would name the wrong file.
    String holding = lines.length > 2 && !lines[1].isEmpty() ? lines[1] : null;
    return new LockHeldException(file, pid, holding);
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      lock.release();
    } finally {
      HELD_IN_THIS_JVM.remove(key);
    }
  }
}
