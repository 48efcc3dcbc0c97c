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
   * Whether {@code file} (not null) is a terminal device ({@link LogFile#terminalDevice}: {@code
   * /dev/tty}, {@code /dev/pts/N}, a link or {@code /dev/fd/N} to one): results written there, by
   * another route than stderr, would be glued to the progress line, so none is drawn.
   */
  default boolean isTerminalDevice(Path file) {
    return LogFile.terminalDevice(file);
  }

  /**
   * The real check. On Linux, from the file descriptors: stderr is a terminal when {@code
   * /proc/self/fd/2} links to {@code /dev/pts/N} or {@code /dev/ttyN} (under cron, or with stderr
   * redirected, it does not), and stdout shares it when {@code /proc/self/fd/1} links to the same
   * device, or either is {@code /dev/tty} ({@link #sameScreen}). Elsewhere Java can only ask {@link java.io.Console#isTerminal()}, which is true when
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
        return procFds() ? sameScreen(device(2), device(1)) : console();
      }
    };
  }

  /**
   * Whether the terminal devices {@code stderr} and {@code stdout} (each null when not one) are
   * one screen: the same name, or either is {@code /dev/tty}, the process's controlling terminal,
   * which the other (a {@code /dev/pts/N}) is taken to be: its number cannot be asked without
   * native code, and a wrong guess only costs the progress line.
   */
  static boolean sameScreen(String stderr, String stdout) {
    if (stderr == null || stdout == null) return false;
    return stderr.equals(stdout) || stderr.equals("/dev/tty") || stdout.equals("/dev/tty");
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
