package io.crawlpipe.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps two runs from writing the same output: an OS file lock ({@link FileChannel#tryLock()}) on a
 * lock file that holds the owner's PID and, on a second line, what it is writing. The operating system drops the lock when the owning process
 * ends, however it ends ({@code kill -9}, a crash, a power cut), so a lock is never stale; the file
 * itself stays and is harmless (unless this run created it and could not write its PID into it: then
 * it is removed). A lock file whose name the program chose is never opened through a symbolic link.
 * Closing releases the lock; closing again does nothing. Not thread-safe; one owner.
 */
public final class OutputLock implements AutoCloseable {
  /**
   * Lock files this JVM holds, by file ({@link BasicFileAttributes#fileKey()}: device and inode, so
   * that a symbolic or hard link to a held file is the same file). OS file locks belong to the process,
   * and closing <em>any</em> channel on a locked file drops the process's lock on it (see {@link
   * FileLock}; {@code fcntl} locks on Linux), so a second attempt from this JVM must not even open the
   * file: it is refused here. This is process-wide state by nature, as is {@link #KEPT_OPEN}. Each
   * lock file maps to its holder's claim.
   */
  private static final Map<Object, Claim> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
  /**
   * Channels that met a lock held in this JVM by other code than this class ({@link
   * OverlappingFileLockException}): closing one would drop that lock, so they stay open, and referenced
   * (a cleaner would close an unreferenced one), until the JVM ends.
   */
  private static final Queue<FileChannel> KEPT_OPEN = new ConcurrentLinkedQueue<>();
  private final Path file;
  private final Object key;
  private final Claim claim;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private OutputLock(Path file, Object key, Claim claim, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.claim = claim;
    this.channel = channel;
    this.lock = lock;
  }

  /** One acquire's hold on a lock file, what its holder writes ("" if it did not say); equal only to itself. */
  private static final class Claim {
    final String holding;

    Claim(String holding) {
      this.holding = holding;
    }
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
   * (a lock file the user named), and a held lock file reached through a link (symbolic or hard) is
   * refused as held. A lock file this call created is removed again when writing the PID into it fails.
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
    if (!followLink && Files.isSymbolicLink(file)) throw linked(file);
    boolean created = create(file, followLink);
    Object key = key(file, followLink);
    Claim claim = new Claim(said);
    Claim held = HELD_IN_THIS_JVM.putIfAbsent(key, claim);
    if (held != null) throw heldHere(file, held.holding);
    try {
      return lock(file, key, claim, created, followLink, writer);
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key, claim);
      throw e;
    }
  }

  private static OutputLock lock(Path file, Object key, Claim claim, boolean created, boolean followLink,
      OwnerWriter writer) throws IOException {
    FileChannel channel = open(file, followLink);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) throw held(file, channel);
      String text = ProcessHandle.current().pid() + "\n" + (claim.holding.isEmpty() ? "" : claim.holding + "\n");
      try {
        writer.write(channel, text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Removed while this process still holds the lock, so no other run took it meanwhile.
        if (created) Files.deleteIfExists(file);
        throw unwritable(file, e);
      }
      return new OutputLock(file, key, claim, channel, lock);
    } catch (OverlappingFileLockException e) {
      KEPT_OPEN.add(channel);  // closing it would release the other lock of this process on the file
      throw heldHere(file, "");
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The refusal of a lock file that this process holds. */
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

  /** Which file {@code file} is, as {@link #HELD_IN_THIS_JVM} knows it: its device and inode where the system tells them. */
  private static Object key(Path file, boolean followLink) throws IOException {
    LinkOption[] options = followLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    Object fileKey = Files.readAttributes(file, BasicFileAttributes.class, options).fileKey();
    if (fileKey != null) return fileKey;
    if (followLink) return file.toRealPath();
    Path parent = file.toAbsolutePath().getParent();
    return (parent == null ? file.toAbsolutePath() : parent.toRealPath().resolve(file.getFileName())).normalize();
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

  /** Releases the lock and closes the lock file, which stays; a second call does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try (channel) {
      lock.release();
    } finally {
      HELD_IN_THIS_JVM.remove(key, claim);
    }
  }
}
