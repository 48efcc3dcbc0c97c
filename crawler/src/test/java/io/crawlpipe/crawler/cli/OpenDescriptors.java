package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this JVM has open, from Linux's /proc: a test running the CLI in-process waits on it for
 * the run to have opened its output, rather than for the file's name to appear (the file exists a
 * moment before the run's descriptor for writing it does).
 */
final class OpenDescriptors {
  /** Linux's O_APPEND, as /proc/self/fdinfo writes flags (octal). */
  private static final long O_APPEND = 02000;

  private OpenDescriptors() {}

  /** True once a descriptor of this JVM is open on {@code file} (a real path) for appending. */
  static boolean appendingTo(Path file) {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).equals(file) && appending(fd.getFileName().toString());
        } catch (IOException gone) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether descriptor {@code fd}'s flags hold O_APPEND. */
  private static boolean appending(String fd) throws IOException {
    String flags = Files.readAllLines(Path.of("/proc/self/fdinfo", fd)).stream()
        .filter(line -> line.startsWith("flags:")).findFirst().orElse("flags: 0");
    return (Long.parseLong(flags.substring("flags:".length()).strip(), 8) & O_APPEND) != 0;
  }
}
