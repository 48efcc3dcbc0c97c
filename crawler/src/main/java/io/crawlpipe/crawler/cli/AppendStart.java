package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@code --append} results file as the run found it once ready to append (its end checked):
 * whether it {@code existed}, and its {@code size} in bytes (0 when it did not exist). A run that
 * appends nothing leaves it so. Immutable, so thread safe.
 */
record AppendStart(boolean existed, long size) {
  AppendStart {
    if (size < 0) throw new IllegalArgumentException("size must not be negative: " + size);
    if (!existed && size != 0) throw new IllegalArgumentException("a file that did not exist has no size: " + size);
  }

  /** {@code target} as it is now, before the sink opens (and perhaps creates) it; never null. */
  static AppendStart of(Path target) throws IOException {
    return Files.exists(target) ? new AppendStart(true, Files.size(target)) : new AppendStart(false, 0);
  }

  /** True when {@code target} still holds just what it held: not a byte was appended. */
  boolean unchanged(Path target) {
    try {
      return Files.exists(target) && Files.size(target) == size;
    } catch (IOException e) {
      return false;
    }
  }
}
