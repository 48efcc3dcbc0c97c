package io.crawlpipe.crawler.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells which file a standard stream of this process is open on, so that a path named by an option
 * can be compared with it ({@code ./crawl --out - --log f > f}). Injected so tests can point a
 * stream at a file of theirs. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
interface StreamFiles {
  /**
   * A path that {@link Files#isSameFile} resolves to the file {@code stream} is open on, or null
   * where that cannot be told.
   */
  Path fileOf(StandardStream stream);

  /**
   * The real process: on Linux {@code /proc/self/fd/N}, a link the kernel resolves to the open
   * file (a redirected file, a pipe, a terminal); elsewhere null, so only names are compared
   * ({@code /dev/fd/N} on other systems need not resolve to the file itself).
   */
  static StreamFiles system() {
    Path fds = Path.of("/proc/self/fd");
    boolean linux = Files.isDirectory(fds);
    return stream -> linux ? fds.resolve(Integer.toString(stream.fd())) : null;
  }
}
