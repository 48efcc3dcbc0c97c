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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two runs from writing the same output: an OS file lock ({@link FileChannel#tryLock()}) on a
 * lock file that holds the owner's PID. The operating system drops the lock when the owning process
 * ends, however it ends ({@code kill -9}, a crash, a power cut), so a lock is never stale; the file
 * itself stays and is harmless. Closing releases the lock. Not thread-safe; one owner.
 */
public final class OutputLock implements AutoCloseable {
  /**
   * Lock files this JVM holds. OS file locks belong to the process, and closing <em>any</em> channel
   * on a locked file drops the process's lock on it (see {@link FileLock}), so a second attempt from
   * this JVM must not even open the file: it is refused here. This is process-wide state by nature,
   * the one mutable static of the project.
   */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
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
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path key = (parent == null ? file.toAbsolutePath() : parent.toRealPath().resolve(file.getFileName())).normalize();
    if (!HELD_IN_THIS_JVM.add(key)) throw new LockHeldException(file, Long.toString(ProcessHandle.current().pid()));
    try {
      return lock(file, key);
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key);
      throw e;
    }
  }

  private static OutputLock lock(Path file, Path key) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) throw new LockHeldException(file, readPid(channel));
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new OutputLock(file, key, channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      throw e;
    }
  }

  private static String readPid(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    int n = channel.read(buffer, 0);
    String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip();
    return text.matches("\\d+") ? text : null;
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
