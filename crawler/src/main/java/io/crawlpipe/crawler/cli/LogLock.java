package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The lock that processes logging to one {@code --log} file hold while one of them rolls or opens
 * it: an exclusive OS lock ({@link FileChannel#lock()}, {@code fcntl} on Linux) on {@code
 * FILE.lock} beside it, created empty and never removed; a symbolic link at that name is not followed
 * (it cannot be used, as below). The kernel frees it when its process ends,
 * however it ends, so a killed run never leaves it held. A process waits for it while another holds
 * it, which is one roll, polling every millisecond; within one JVM a second instance on the same
 * file waits its turn the same way (the JVM refuses an overlapping lock); the CLI has one. An
 * interrupt does not break the lock: the thread's interrupt status is kept for later. When the lock
 * file cannot be opened or locked (a directory the log may be written in but nothing created in, a
 * directory at its name, a file system without locks), or another process holds it for longer than
 * the caller waits ({@link #ROLL_WAIT} for a roll; {@link #START_WAIT} when the log is opened at the
 * start, since a crawlpipe holds it for a roll's milliseconds and a longer holder is a stopped
 * process or an unrelated program locking that name), {@link #run} runs unlocked from then on, as
 * rolling did before, after passing why, as a phrase ({@code is a directory}, {@code held by
 * another process for 1 s}), to {@code failed} once.
 *
 * <p>Not thread-safe: the caller takes turns ({@link RollingLogAppender} does).
 */
final class LogLock implements AutoCloseable {
  /** Work done under the lock. */
  interface Action {
    void run() throws IOException;
  }

  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** How long a roll waits for another process's: a roll takes milliseconds. */
  static final Duration ROLL_WAIT = Duration.ofSeconds(10);
  /** How long opening the log at the start waits: another crawlpipe holds the lock for a roll only. */
  static final Duration START_WAIT = Duration.ofSeconds(1);
  private final Path file;
  private final Consumer<String> failed;
  private FileChannel channel;
  private boolean unusable;

  /**
   * A lock on {@code file}, opened when first taken; {@code failed} takes why it cannot be used,
   * once, on the thread that found it out.
   */
  LogLock(Path file, Consumer<String> failed) {
    this.file = file;
    this.failed = failed;
  }

  /** The lock file of the log file at {@code log}: {@code LOG.lock} beside it. */
  static Path lockFile(Path log) {
    return log.resolveSibling(log.getFileName() + ".lock");
  }

  /**
   * Runs {@code action} holding the lock, waiting up to {@code wait} for another process to free
   * it; unlocked once the lock cannot be used.
   */
  void run(Duration wait, Action action) throws IOException {
    FileLock held = acquire(wait);
    try {
      action.run();
    } finally {
      if (held != null) release(held);
    }
  }

  private void release(FileLock held) {
    try {
      held.release();
    } catch (IOException e) {
      close();  // closing the descriptor frees the lock for sure; the next run opens it again
    }
  }

  /** The lock, or null when it cannot be used. */
  private FileLock acquire(Duration wait) {
    boolean interrupted = Thread.interrupted();  // locking would close the channel
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (!unusable) {
        FileLock held = tryLock();
        if (held != null) return held;
        if (System.nanoTime() - deadline > 0) {
          giveUp("held by another process for " + wait.toSeconds() + " s");
        } else {
          LockSupport.parkNanos(PAUSE_NANOS);
        }
        interrupted |= Thread.interrupted();
      }
      return null;
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** The lock if free now, else null (held by another process, or by another instance in this JVM). */
  private FileLock tryLock() {
    try {
      return channel().tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (ClosedChannelException e) {
      channel = null;  // interrupted meanwhile: open it again
      return null;
    } catch (IOException e) {
      giveUp(IoProblems.describe(e, file));
      return null;
    }
  }

  /**
   * The lock file, opened (created if missing) without following a symbolic link: a link someone
   * planted at its name would make this process create a file wherever it points.
   */
  private FileChannel channel() throws IOException {
    if (channel != null) return channel;
    if (Files.isSymbolicLink(file)) throw new FileSystemException(file.toString(), null, "is a symbolic link, which is not followed");
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    return channel;
  }

  private void giveUp(String why) {
    unusable = true;
    close();
    failed.accept(why);
  }

  /** Closes the lock file (freeing the lock if held). */
  @Override
  public void close() {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException e) {
      // Closing an unwritten file: nothing lost, and the lock is freed with the descriptor anyway.
    } finally {
      channel = null;
    }
  }
}
