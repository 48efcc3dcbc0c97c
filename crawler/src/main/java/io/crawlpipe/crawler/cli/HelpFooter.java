package io.crawlpipe.crawler.cli;

import java.util.Arrays;

/**
 * The lines {@code crawl --help} ends with, after its {@code Exit codes:} heading: the exit codes,
 * the launcher's environment variables, argument files, the {@code extract} subcommand and where
 * the documentation is. Plain lines,
 * not format strings ({@link HelpLayout#footer} prints them as they are). Stateless.
 */
final class HelpFooter {
  private static final String[] AFTER_EXIT_CODES = {
      "",
      "Environment, read by the ./crawl launcher:",
      "  CRAWLPIPE_HEAP       heap of the crawl's JVM (-Xmx), 16m to 4096g, e.g. 512m",
      "  CRAWLPIPE_JAVA_OPTS  JVM options, instead of the launcher's own",
      "  CRAWLPIPE_NO_AOT=1   start without the AOT cache",
      "",
      "Argument files:",
      "  @FILE  read more arguments from FILE, separated by spaces or lines (keeps a --proxy password out of ps)",
      "",
      "Trying extraction rules on saved pages, fetching nothing:",
      "  crawl extract --rules FILE --url URL PAGE...  (see crawl extract --help)",
      "",
      "Documentation: README.md and docs/ in the crawlpipe checkout."};

  private HelpFooter() {}

  /** The footer's lines, a new array each call. */
  static String[] lines() {
    String[] lines = Arrays.copyOf(ExitCodes.HELP, ExitCodes.HELP.length + AFTER_EXIT_CODES.length);
    System.arraycopy(AFTER_EXIT_CODES, 0, lines, ExitCodes.HELP.length, AFTER_EXIT_CODES.length);
    return lines;
  }
}
