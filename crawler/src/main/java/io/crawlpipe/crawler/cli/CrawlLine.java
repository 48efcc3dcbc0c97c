package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.LogText;
import java.io.PrintStream;

/**
 * The command's one-line messages on stderr, {@code crawl: TEXT}: every such line is made here.
 * The text's characters that are not printable ({@link LogText#printable}: a newline, ESC, other
 * control and invisible formatting characters) are written as escapes (backslash, {@code u}, four
 * hex digits), so that a file name, a URL or an exception's message cannot split the line in two,
 * forge a line of a cron mail or recolour a terminal; printable characters, non-ASCII ones such as
 * {@code é} or {@code 日本} included, are kept as they are. A backslash followed by {@code u} is
 * escaped too, so that a name that holds the six characters backslash-u000a does not read as one
 * that holds a newline; other backslashes are kept ({@code \d+}). So the text must reach here
 * unescaped: a part escaped before would be escaped twice. Stateless.
 */
final class CrawlLine {
  /** What each line starts with. */
  static final String PREFIX = "crawl: ";

  private CrawlLine() {}

  /** The line for {@code text} (not null), without a line end: {@code crawl: } and the text escaped. */
  static String of(String text) {
    return PREFIX + LogText.printable(text);
  }

  /** Prints the line for {@code text} on {@code stderr}; as thread-safe as {@code stderr}'s println. */
  static void print(PrintStream stderr, String text) {
    stderr.println(of(text));
  }
}
