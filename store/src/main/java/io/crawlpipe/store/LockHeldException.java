package io.crawlpipe.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another run holds the output's lock; carries the lock file, the holder's PID and what it is
 * writing as its lock file says (each null if unknown). Or, rarely, code of this very process other
 * than {@link OutputLock} has locked the lock file ({@link #byOtherCodeInThisProcess()}): the PID is
 * then this process's own, and the message says so.
 */
public final class LockHeldException extends IOException {
  private final transient Path lockFile;
  private final String pid;
  private final String holding;
  private final boolean byOtherCode;

  public LockHeldException(Path lockFile, String pid) {
    this(lockFile, pid, null);
  }

  public LockHeldException(Path lockFile, String pid, String holding) {
    this("another run (pid " + (pid == null ? "unknown" : pid) + ") holds the lock " + lockFile
        + (holding == null ? "" : ", writing " + holding), lockFile, pid, holding, false);
  }

  private LockHeldException(String message, Path lockFile, String pid, String holding, boolean byOtherCode) {
    super(message);
    this.lockFile = lockFile;
    this.pid = pid;
    this.holding = holding;
    this.byOtherCode = byOtherCode;
  }

  /** The refusal of {@code lockFile} that code of this process other than {@link OutputLock} has locked. */
  static LockHeldException byOtherCodeInThisProcess(Path lockFile) {
    String pid = Long.toString(ProcessHandle.current().pid());
    return new LockHeldException("lock file " + lockFile + " is locked by other code in this process (pid " + pid + ")",
        lockFile, pid, null, true);
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

  /**
   * True when code of this process other than {@link OutputLock} holds the lock (not a run: the PID
   * is this process's own, and what it writes is unknown); false for another run, in another process
   * or in this one.
   */
  public boolean byOtherCodeInThisProcess() {
    return byOtherCode;
  }
}
