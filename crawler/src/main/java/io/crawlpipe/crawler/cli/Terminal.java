package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a person watches standard error, where a live progress line is drawn, and
 * whether standard output goes to that same screen, where results written there would be mixed
 * into the line. Implementations answer from any thread.
 */
interface Terminal {

  /** Whether stderr is a terminal: only then is a progress line drawn. */
  boolean interactive();

  /**
   * Whether stdout is the same terminal as stderr: results on stdout ({@code --out -}) would then
   * be written into the progress line's place, so none is drawn. False unless overridden.
   */
  default boolean sharesStdout() {
    return false;
  }

  /**
   * The real check. On Linux, from the file descriptors: stderr is a terminal when {@code
   * /proc/self/fd/2} links to {@code /dev/pts/N} or {@code /dev/ttyN} (under cron, or with stderr
   * redirected, it does not), and stdout shares it when {@code /proc/self/fd/1} links to the same
   * device. Elsewhere Java can only ask {@link java.io.Console#isTerminal()}, which is true when
   * both stdin and stdout are terminals (not stdout alone: with stdin redirected it is false): both
   * answers are that, and a terminal stdout is taken to be stderr's.
   */
  static Terminal stderr() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return procFds() ? device(2) != null : console();
      }

      @Override
      public boolean sharesStdout() {
        if (!procFds()) return console();
        String stderr = device(2);
        return stderr != null && stderr.equals(device(1));
      }
    };
  }

  private static boolean procFds() {
    return Files.isSymbolicLink(Path.of("/proc/self/fd/2"));
  }

  /** The terminal device file descriptor {@code fd} is open on, or null when it is not one (or unknown). */
  private static String device(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") ? target : null;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private static boolean console() {
    return System.console() != null && System.console().isTerminal();
  }
}
