package io.crawlpipe.store;

import java.io.IOException;
import java.nio.file.Path;

/** Another run holds the output's lock; carries the lock file and the holder's PID (null if unknown). */
public final class LockHeldException extends IOException {
  private final transient Path lockFile;
  private final String pid;

  public LockHeldException(Path lockFile, String pid) {
    super("another run (pid " + (pid == null ? "unknown" : pid) + ") holds the lock " + lockFile);
    this.lockFile = lockFile;
    this.pid = pid;
  }

  public Path lockFile() {
    return lockFile;
  }

  /** The PID written by the holder, or null when it could not be read. */
  public String pid() {
    return pid;
  }
}
