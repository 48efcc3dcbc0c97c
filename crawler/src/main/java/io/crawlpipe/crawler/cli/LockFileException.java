package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The lock file (not the output) could not be created or written, or may not be used; the message
 * is the one line to show, naming the lock file, and the cause says why.
 */
final class LockFileException extends IOException {
  private final transient Path lockFile;

  LockFileException(Path lockFile, IOException cause) {
    this(lockFile, "cannot write lock file '" + lockFile + "': " + IoProblems.describe(cause, lockFile), cause);
  }

  private LockFileException(Path lockFile, String message, IOException cause) {
    super(message, cause);
    this.lockFile = lockFile;
  }

  /**
   * The output's own lock file ({@code OUT.lock}) failed for a reason the system gave about that file
   * (a full disk, a read-only file system), which the line names after the reason, as the output's
   * problem: "cannot write output 'data/r.jsonl': no space left on device for 'data/r.jsonl.lock'".
   */
  static LockFileException besideOutput(Path lockFile, Path output, IOException cause) {
    return new LockFileException(lockFile, "cannot write output '" + output + "': " + IoProblems.describe(cause)
        + " for '" + lockFile + "'", cause);
  }

  /** The output's own lock file ({@code OUT.lock}) is a symbolic link, which is refused rather than followed. */
  static LockFileException linked(Path lockFile, IOException cause) {
    return new LockFileException(lockFile, "lock file '" + lockFile + "' is a symbolic link, which is not followed"
        + " for the lock beside an output; not starting (remove it, or name a lock file with --lock)", cause);
  }

  /**
   * The output's own lock file ({@code OUT.lock}) is a directory, a named pipe or another file that is
   * not a regular one, which cannot hold the PID or be locked; {@code directory} says which wording.
   */
  static LockFileException notAFile(Path lockFile, Path output, boolean directory) {
    return new LockFileException(lockFile, "lock file '" + lockFile + "', the lock beside the output '" + output
        + "', is " + (directory ? "a directory" : "not a regular file") + "; a lock must be a regular file;"
        + " not starting (move it away, or name a lock file with --lock)", null);
  }

  Path lockFile() {
    return lockFile;
  }
}
