package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a person watches standard error, where a live progress line is drawn, and
 * whether results written to standard output or to a file go to that same screen, where they would
 * be mixed into the line. Implementations answer from any thread.
 */
interface Terminal {
  /** The device number of {@code /dev/tty} (major 5, minor 0), which is whichever the controlling terminal is. */
  long CONTROLLING_TERMINAL = 5 << 8;

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
   * Whether {@code file} (not null) is stderr's terminal: results written there by another route
   * than stderr would be glued to the progress line, so none is drawn. Unless overridden, whether
   * it is a terminal device at all ({@link LogFile#terminalDevice}: {@code /dev/tty}, {@code
   * /dev/pts/N}, a link or {@code /dev/fd/N} to one), as where the screens cannot be told apart.
   */
  default boolean sharesFile(Path file) {
    return LogFile.terminalDevice(file);
  }

  /**
   * The real check. On Linux, from the file descriptors: stderr is a terminal when {@code
   * /proc/self/fd/2} links to {@code /dev/pts/N} or {@code /dev/ttyN} (under cron, or with stderr
   * redirected, it does not); stdout ({@code /proc/self/fd/1}) or a file shares it when it is a
   * terminal device with the same device number, {@code /dev/tty} standing for the controlling
   * terminal that {@code /proc/self/stat} names ({@link #sameScreen(long, long, long)}), or, where a
   * number cannot be read, by the names they resolve to ({@link #sameScreen(String, String)}).
   * Elsewhere Java can only ask {@link java.io.Console#isTerminal()}, which is true when both stdin
   * and stdout are terminals (not stdout alone: with stdin redirected it is false): stderr is taken
   * for a terminal, and stdout for the same one, when it says so; any terminal device file is taken
   * for stderr's.
   */
  static Terminal stderr() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return procFds() ? device(2) != null : console();
      }

      @Override
      public boolean sharesStdout() {
        return procFds() ? onStderrsScreen(Path.of("/proc/self/fd/1"), device(1)) : console();
      }

      @Override
      public boolean sharesFile(Path file) {
        return procFds() ? onStderrsScreen(file, terminalName(file)) : LogFile.terminalDevice(file);
      }
    };
  }

  /**
   * Whether the terminal devices {@code stderr} and {@code other} (each null when not one) are
   * one screen by their names: the same name, or either is {@code /dev/tty}, the process's
   * controlling terminal, which the other (a {@code /dev/pts/N}) is taken to be. The fallback where
   * device numbers cannot be read; a wrong guess only costs the progress line.
   */
  static boolean sameScreen(String stderr, String other) {
    if (stderr == null || other == null) return false;
    return stderr.equals(other) || stderr.equals("/dev/tty") || other.equals("/dev/tty");
  }

  /**
   * Whether stderr's terminal and another are one screen, by their device numbers as Linux gives
   * them (a file's {@code st_rdev}, {@code /proc/self/stat}'s {@code tty_nr}: major and minor
   * encoded alike): the same number once {@link #CONTROLLING_TERMINAL} ({@code /dev/tty}) on either
   * side is replaced by {@code controlling}, the process's controlling terminal (0 for none). 0 is
   * no terminal, never the same as another. Pure.
   */
  static boolean sameScreen(long stderr, long other, long controlling) {
    long screen = stderr == CONTROLLING_TERMINAL ? controlling : stderr;
    return screen != 0 && screen == (other == CONTROLLING_TERMINAL ? controlling : other);
  }

  /**
   * The controlling terminal's device number in a {@code /proc/PID/stat} line ({@code tty_nr}, its
   * 7th field, read as the unsigned 32 bits it is; 0 for none), or -1 when {@code stat} (not null)
   * is not such a line. The process name (2nd field, in parentheses) may hold any character. Pure.
   */
  static long controllingTerminal(String stat) {
    int name = stat.lastIndexOf(')');
    String[] fields = stat.substring(name + 1).strip().split(" ");
    if (name < 0 || fields.length < 5) return -1;
    try {
      return Integer.toUnsignedLong((int) Long.parseLong(fields[4]));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code other}, whose terminal device is named {@code name} (null: none), shows on stderr's screen. */
  private static boolean onStderrsScreen(Path other, String name) {
    String stderr = device(2);
    if (stderr == null || name == null) return false;
    long screen = number(Path.of("/proc/self/fd/2"));
    long shown = number(other);
    long controlling = controllingTerminal();
    if (screen < 0 || shown < 0 || controlling < 0) return sameScreen(stderr, name);
    return sameScreen(screen, shown, controlling);
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

  /** The terminal device {@code file} resolves to ({@link LogFile#terminalDevice}), or null when it is not one. */
  private static String terminalName(Path file) {
    try {
      return LogFile.terminalDevice(file) ? file.toRealPath().toString() : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** The device number of the device {@code file} is (links followed), or -1 when it cannot be read. */
  private static long number(Path file) {
    try {
      return ((Number) Files.getAttribute(file, "unix:rdev")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException
        | SecurityException e) { // gone, or no "unix" attribute view
      return -1;
    }
  }

  /** The process's controlling terminal's device number from {@code /proc/self/stat}, or -1 when unknown. */
  private static long controllingTerminal() {
    try {
      return controllingTerminal(Files.readString(Path.of("/proc/self/stat")));
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  private static boolean console() {
    return System.console() != null && System.console().isTerminal();
  }
}
