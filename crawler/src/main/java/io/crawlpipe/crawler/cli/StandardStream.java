package io.crawlpipe.crawler.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The run's own standard output or standard error, as {@code --out}, {@code --log} and {@code
 * --stats} may name them: {@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}, {@code
 * /proc/PID/fd/1} with this process's PID (and the same with {@code stderr} and 2), or a symbolic
 * link to one of them. Such a target is written through the run's {@link PrintStream}, as {@code
 * --out -} writes standard output: never reopened, truncated or closed, so its lines share the
 * stream's offset with the summary and the log (see docs/CLI.md, "Standard streams, devices and pipes as paths").
 */
enum StandardStream {
  STDOUT(1, "stdout", "standard output"),
  STDERR(2, "stderr", "standard error");

  private final int fd;
  private final String label;
  private final String description;

  StandardStream(int fd, String label, String description) {
    this.fd = fd;
    this.label = label;
    this.description = description;
  }

  /**
   * The stream {@code path} names, or null (also for null). {@code path} has its links followed
   * already ({@link OutputTargets#followLinks} stops at a descriptor path). Decided by name only,
   * so it is the same on every OS.
   */
  static StandardStream of(Path path) {
    Path descriptor = path == null ? null : OutputTargets.descriptor(path);
    if (descriptor == null) return null;
    for (StandardStream stream : values()) {
      if (descriptor.equals(stream.identity())) return stream;
    }
    return null;
  }

  /** {@code /dev/fd/N}: what {@link OutputTargets#identity} gives for every name of this stream. */
  Path identity() {
    return Path.of("/dev/fd", Integer.toString(fd));
  }

  /** The file descriptor number: 1 or 2. */
  int fd() {
    return fd;
  }

  /** {@code stdout} or {@code stderr}: how the summary and the stats file name it. */
  String label() {
    return label;
  }

  /** {@code standard output} or {@code standard error}: how messages name it. */
  String description() {
    return description;
  }

  /** Which of the run's two streams this is. */
  PrintStream pick(PrintStream stdout, PrintStream stderr) {
    return this == STDOUT ? stdout : stderr;
  }
}
