package io.crawlpipe.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two runs from writing the same output: an OS file lock ({@link FileChannel#tryLock()}) on a
 * lock file that holds the owner's PID and, on a second line, what it is writing. The operating system drops the lock when the owning process
 * ends, however it ends ({@code kill -9}, a crash, a power cut), so a lock is never stale; the file
 * itself stays and is harmless. Closing releases the lock. Not thread-safe; one owner.
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
   * waiting, and writes this process's PID into it.
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
   * is writing ({@link LockHeldException#holding()}). Line breaks in it become spaces.
   */
  public static OutputLock acquire(Path file, String holding) throws IOException {
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
      return lock(file, key, said);
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key);
      throw e;
    }
  }

  private static OutputLock lock(Path file, Path key, String holding) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) throw held(file, channel);
      channel.truncate(0);
      String text = ProcessHandle.current().pid() + "\n" + (holding.isEmpty() ? "" : holding + "\n");
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new OutputLock(file, key, channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      throw e;
    }
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
