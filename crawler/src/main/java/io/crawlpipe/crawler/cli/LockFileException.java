package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The lock file (not the output) could not be created or written; the cause says why. */
final class LockFileException extends IOException {
  private final transient Path lockFile;

  LockFileException(Path lockFile, IOException cause) {
    super("cannot write lock file '" + lockFile + "': " + IoProblems.describe(cause, lockFile), cause);
    this.lockFile = lockFile;
  }

  Path lockFile() {
    return lockFile;
  }
}
