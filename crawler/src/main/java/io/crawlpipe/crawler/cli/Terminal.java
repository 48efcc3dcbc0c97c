package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether a person watches standard error: only then is a live progress line drawn. */
interface Terminal {

  boolean interactive();

  /**
   * The real check: on Linux, whether file descriptor 2 is a terminal device ({@code
   * /proc/self/fd/2} links to {@code /dev/pts/N} or {@code /dev/ttyN}); elsewhere, whether the JVM
   * has an interactive console. Under cron, or with stderr redirected, it is false.
   */
  static Terminal stderr() {
    return () -> {
      Path fd2 = Path.of("/proc/self/fd/2");
      if (Files.isSymbolicLink(fd2)) {
        try {
          String target = Files.readSymbolicLink(fd2).toString();
          return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
          return false;
        }
      }
      return System.console() != null && System.console().isTerminal();
    };
  }
}
