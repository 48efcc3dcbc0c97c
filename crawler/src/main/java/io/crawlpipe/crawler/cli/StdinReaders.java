package io.crawlpipe.crawler.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which inputs of a command read its standard input, which holds one stream: a {@code --rules} or
 * {@code --ca-cert} file named {@code /dev/stdin} (or {@code /dev/fd/0}, {@code /proc/self/fd/0}, a
 * link to one) would read all of it before a URL list or page on {@code -} got its turn, so the crawl would
 * find an empty list and replace the results file with nothing. Stateless.
 */
final class StdinReaders {
  private static final Path STDIN_DESCRIPTOR = Path.of("/dev/fd", "0");

  private StdinReaders() {}

  /** Whether {@code name} ({@code -}, or a path) reads standard input. */
  static boolean reads(String name) {
    if ("-".equals(name)) return true;
    try {
      return OutputTargets.identity(Path.of(name)).equals(STDIN_DESCRIPTOR);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Whether standard input is a regular file ({@code < page.html}), which each name of it opened anew reads whole. */
  static boolean isRegularFile() {
    return Files.isRegularFile(STDIN_DESCRIPTOR);
  }

  /**
   * Null, or one line saying that two of {@code pages} (not null) read standard input, which holds
   * one page: {@code -} twice (its one read is handed out once), or two names of it ({@code -
   * /dev/stdin}) unless {@code stdinIsFile} ({@link #isRegularFile}), when each name but {@code -}
   * opens the file anew and reads it from its start; a pipe's second reader would find it empty.
   */
  static String pagesProblem(List<String> pages, boolean stdinIsFile) {
    List<String> readers = pages.stream().filter(StdinReaders::reads).toList();
    if (pages.stream().filter("-"::equals).count() > 1) return "'-' given twice: stdin holds one page";
    if (readers.size() < 2 || stdinIsFile) return null;
    String first = readers.get(0);
    String second = readers.get(1);
    return (first.equals(second) ? "'" + first + "' given twice: standard input" : "'" + first + "' and '" + second
        + "' both read standard input, which") + " is not a file and holds one page; give the others as files";
  }

  /**
   * Null, or one line saying why {@code rules} (null: none) cannot be read: it is {@code -}, which
   * names no file here, or it reads standard input as {@code input} (the {@code role} of the
   * command's other input, such as "the URL list") does too.
   */
  static String rulesProblem(Path rules, String input, String role) {
    if (rules == null) return null;
    if ("-".equals(rules.toString())) {
      return "invalid option --rules: '-': the rules must be a file (/dev/stdin reads them from standard"
          + " input when " + role + " is a file)";
    }
    return clash("--rules", rules, input, role);
  }

  /**
   * Null, or one line saying that a file of {@code caCerts} (never null) reads standard input as
   * {@code input} (null: none; {@code role} as for {@link #rulesProblem}) does too.
   */
  static String caCertProblem(List<Path> caCerts, String input, String role) {
    for (Path file : caCerts) {
      if ("-".equals(file.toString())) continue; // a file named '-', as the error reading it will say
      String clash = clash("--ca-cert", file, input, role);
      if (clash != null) return clash;
    }
    return null;
  }

  private static String clash(String option, Path file, String input, String role) {
    if (!reads(file.toString()) || input == null || !reads(input)) return null;
    return option + " '" + file + "' and " + role + " '" + input + "' both read standard input, which holds"
        + " one of them; give the other as a file";
  }
}
