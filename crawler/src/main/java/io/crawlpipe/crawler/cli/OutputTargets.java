package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a path named by {@code --out}, {@code --log} or {@code --stats} is written, and when two
 * options name one file: a symbolic link stands for the file its chain ends at ({@link
 * #followLinks}); a stream ({@link #isStream}) is written directly, never replaced by a rename;
 * names are compared by their {@link #identity} and, for existing files, by device and inode
 * ({@link #sameFile}). Stateless; each call reads the file system as it is then.
 */
final class OutputTargets {
  private static final Path DEV_NULL = Path.of("/dev/null");
  private static final Path PROC_FDS = Path.of("/proc/self/fd");

  private OutputTargets() {}

  /**
   * Whether {@code target} is written directly, as a stream, never replaced by a rename and with no
   * lock file beside it: an existing device ({@code /dev/null}) or named pipe, or a file descriptor
   * path ({@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N})
   * whatever it refers to — under cron, {@code /dev/stdout} is often the job's log file. A name of
   * the run's own standard output or error is not even opened: it is written through the run's
   * stream ({@link StandardStream}).
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

  /**
   * What {@code path} is compared by to tell whether two options name one file: after following
   * links, a file descriptor path as {@code /dev/fd/N} (so {@code /dev/stdout} is {@code /dev/fd/1};
   * {@link #sameFile} also compares the file behind it); else the real path of
   * the file if it exists; else that of its directory with the name appended; else the normalized
   * absolute path.
   */
  static Path identity(Path path) {
    Path followed;
    try {
      followed = followLinks(path);
    } catch (IOException e) {
      followed = path;
    }
    Path fd = descriptor(followed);
    if (fd != null) return fd;
    Path absolute = followed.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      Path parent = absolute.getParent();
      try {
        return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
      } catch (IOException notThere) {
        return absolute;
      }
    }
  }

  /**
   * Whether two {@link #identity identities} of outputs are one file: equal, or both existing with
   * the same device and inode, as two hard links to one file are. A file descriptor path other than
   * standard output or error ({@code /dev/fd/0}, {@code /dev/fd/N} with N &ge; 3) is also compared
   * by the regular file it is open on (Linux), so {@code --stats /dev/fd/3 --out r.jsonl 3>>
   * r.jsonl} names one file twice. Two descriptor paths are told apart by number only, so
   * {@code /dev/stdout} and {@code /dev/stderr}, or {@code /dev/fd/3} and {@code /dev/fd/4}, differ
   * even when both refer to one log ({@link StreamClashes} compares the standard streams). False
   * when either cannot be read.
   */
  static boolean sameFile(Path a, Path b) {
    if (a.equals(b)) return true;
    boolean fdA = descriptor(a) != null;
    boolean fdB = descriptor(b) != null;
    if (fdA && fdB) return false;
    if (fdA || fdB) return sameOpenFile(a, b);
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // one of them does not exist (yet): the identities, which differ, decide
    }
  }

  /**
   * Whether the output of identity {@code output} would write into the input (URL list, rules) of
   * identity {@code input}: {@link #sameFile}, or two descriptor paths open on one regular file
   * ({@code --stats /dev/fd/3 - < urls.txt 3>> urls.txt}), since the input is read as it is written.
   */
  static boolean writesInto(Path output, Path input) {
    return sameFile(output, input) || sameOpenFile(output, input);
  }

  /**
   * Whether {@code a} and {@code b} are one existing regular file, a descriptor path compared by
   * the file it is open on (through {@code /proc/self/fd/N}, which stat follows to that file).
   * False where that cannot be told: no {@code /proc}, standard output or error, a pipe, a device.
   */
  private static boolean sameOpenFile(Path a, Path b) {
    Path fileA = openFile(a);
    Path fileB = openFile(b);
    if (fileA == null || fileB == null || !Files.isRegularFile(fileA) || !Files.isRegularFile(fileB)) return false;
    try {
      return Files.isSameFile(fileA, fileB);
    } catch (IOException e) {
      return false; // closed meanwhile
    }
  }

  /** {@code identity}, or for a descriptor path {@code /proc/self/fd/N}; null for 1 and 2 or with no {@code /proc}. */
  private static Path openFile(Path identity) {
    Path fd = descriptor(identity);
    if (fd == null) return identity;
    String number = fd.toString().substring("/dev/fd/".length());
    if (number.equals("1") || number.equals("2") || !Files.isDirectory(PROC_FDS)) return null;
    return PROC_FDS.resolve(number);
  }

  /** Whether the file of this {@link #identity} discards what is written ({@code /dev/null}), so options may share it. */
  static boolean discards(Path identity) {
    return identity.equals(DEV_NULL);
  }

  /**
   * {@code /dev/fd/N} for a file descriptor path of this process ({@code /dev/stdin}, {@code
   * /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N}, {@code /proc/thread-self/fd/N},
   * {@code /proc/PID/fd/N} with this process's PID), else null.
   */
  static Path descriptor(Path path) {
    String name = path.toAbsolutePath().normalize().toString();
    String fd = switch (name) {
      case "/dev/stdin" -> "0";
      case "/dev/stdout" -> "1";
      case "/dev/stderr" -> "2";
      default -> afterPrefix(name, "/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/",
          "/proc/" + ProcessHandle.current().pid() + "/fd/");
    };
    return fd == null ? null : Path.of("/dev/fd", fd);
  }

  private static String afterPrefix(String name, String... prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) return name.substring(prefix.length());
    }
    return null;
  }
}
