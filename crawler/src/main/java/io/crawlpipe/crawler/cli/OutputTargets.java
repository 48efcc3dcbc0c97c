package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a path named by {@code --out} or {@code --stats} is written: a symbolic link stands for the
 * file its chain ends at ({@link #followLinks}); a stream ({@link #isStream}) is written directly,
 * never replaced by a rename. Stateless; each call reads the file system as it is then.
 */
final class OutputTargets {
  private OutputTargets() {}

  /**
   * Whether {@code target} is written directly, as a stream, never replaced by a rename and with no
   * lock file beside it: an existing device ({@code /dev/null}) or named pipe, or a file descriptor
   * path ({@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N})
   * whatever it refers to — under cron, {@code /dev/stdout} is often the job's log file.
   */
  static boolean isStream(Path target) {
    return descriptor(target) != null
        || Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  /**
   * The file a chain of symbolic links ends at, so that a rename replaces the file a link points
   * to and leaves the link alone; {@code path} itself when it is not a link. The end may not exist
   * yet. A chain that reaches a file descriptor path stops there (see {@link #isStream}).
   *
   * @throws IOException when the chain is longer than 40 links (a loop) or cannot be read
   */
  static Path followLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; descriptor(current) == null && Files.isSymbolicLink(current); hops++) {
      if (hops == 40) throw new IOException("too many levels of symbolic links");
      Path parent = current.toAbsolutePath().getParent();
      Path link = Files.readSymbolicLink(current);
      current = parent == null ? link : parent.resolve(link);
    }
    return current;
  }

  /** {@code /dev/fd/N} for a file descriptor path, else null. */
  private static Path descriptor(Path path) {
    String name = path.toAbsolutePath().normalize().toString();
    String fd = switch (name) {
      case "/dev/stdout" -> "1";
      case "/dev/stderr" -> "2";
      default -> name.startsWith("/dev/fd/") ? name.substring("/dev/fd/".length())
          : name.startsWith("/proc/self/fd/") ? name.substring("/proc/self/fd/".length()) : null;
    };
    return fd == null ? null : Path.of("/dev/fd", fd);
  }
}
