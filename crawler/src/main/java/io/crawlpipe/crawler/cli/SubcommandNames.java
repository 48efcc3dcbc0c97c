package io.crawlpipe.crawler.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The words {@code crawl} takes, as its first argument, for a subcommand rather than a URL_FILE:
 * {@code worker}, {@code aot-train} (both internal) and {@code extract}. A list file of such a name
 * is crawled when named as a path ({@code ./extract}); {@link #listHint} says so where a file of
 * that name in the working directory shows that a list was meant. Stateless.
 */
final class SubcommandNames {
  private SubcommandNames() {}

  /**
   * {@code "; to crawl a file named NAME, pass ./NAME"} when {@code name}, a subcommand's name,
   * is also a regular file in the working directory; else the empty string. Never null.
   */
  static String listHint(String name) {
    return namesAFile(name) ? "; to crawl a file named " + name + ", pass ./" + name : "";
  }

  /** Whether {@code name} is a regular file in the working directory (links followed). */
  static boolean namesAFile(String name) {
    try {
      return Files.isRegularFile(Path.of(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
