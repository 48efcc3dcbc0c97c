package io.crawlpipe.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another run holds the output's lock; carries the lock file, the holder's PID and what it is
 * writing as its lock file says (each null if unknown).
 */
public final class LockHeldException extends IOException {
  private final transient Path lockFile;
  private final String pid;
  private final String holding;

  public LockHeldException(Path lockFile, String pid) {
    this(lockFile, pid, null);
  }

  public LockHeldException(Path lockFile, String pid, String holding) {
    super("another run (pid " + (pid == null ? "unknown" : pid) + ") holds the lock " + lockFile
        + (holding == null ? "" : ", writing " + holding));
    this.lockFile = lockFile;
    this.pid = pid;
    this.holding = holding;
  }

  public Path lockFile() {
    return lockFile;
  }

  /** The PID written by the holder, or null when it could not be read. */
  public String pid() {
    return pid;
  }

  /** What the holder said it writes (its output's name, {@code -} for stdout), or null when it did not say. */
  public String holding() {
    return holding;
  }
}
