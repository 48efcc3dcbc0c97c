package io.crawlpipe.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which process holds an {@code fcntl} lock on a file, as Linux lists it in {@code /proc/locks}
 * ({@code 1: POSIX  ADVISORY  WRITE 4242 fe:00:2155624 0 EOF}: the PID, then the device as major
 * and minor numbers in hexadecimal and the inode). Stateless.
 */
final class FileLockHolders {
  private static final Path PROC_LOCKS = Path.of("/proc/locks");

  private FileLockHolders() {}

  /** The PID of a process other than this one holding a POSIX lock on {@code file}, or null when unknown. */
  static String pidOf(Path file) {
    try {
      if (!Files.isReadable(PROC_LOCKS)) return null;
      long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
      long ino = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
      return pidOf(Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII), major(dev), minor(dev), ino);
    } catch (IOException | RuntimeException e) {
      return null;  // no /proc, no unix attributes: the PID is only unknown
    }
  }

  /** The PID on the first line of {@code locks} that is a POSIX lock on the file given by device and inode. */
  static String pidOf(List<String> locks, long major, long minor, long ino) {
    String self = Long.toString(ProcessHandle.current().pid());
    for (String line : locks) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 6 || !f[1].equals("POSIX")) continue;  // "->" marks a waiter; FLOCK and OFDLCK are others
      String[] id = f[5].split(":");
      if (id.length != 3 || !f[4].matches("\\d+") || f[4].equals(self)) continue;
      try {
        if (Long.parseLong(id[0], 16) == major && Long.parseLong(id[1], 16) == minor && Long.parseLong(id[2]) == ino) {
          return f[4];
        }
      } catch (NumberFormatException e) {
        // not a line of this form
      }
    }
    return null;
  }

  /** The major number of device {@code dev}, as glibc's {@code major()} splits it. */
  private static long major(long dev) {
    return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
  }

  private static long minor(long dev) {
    return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
  }
}
