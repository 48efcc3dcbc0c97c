package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a file a crawl is writing to reach a number of lines. A crawl's fetch slot is free
 * once a page is fetched, while its line may still be on the parse pool: a test that saw the next
 * request arrive waits here for the earlier lines instead of assuming they are written.
 */
final class FileWait {
  private FileWait() {}

  /** The file's lines once it has at least {@code count} of them, or as they are when {@code timeout} is up. */
  static List<String> awaitLines(Path file, int count, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> lines = readIfPresent(file);
    while (lines.size() < count && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
      lines = readIfPresent(file);
    }
    return lines;
  }

  private static List<String> readIfPresent(Path file) throws IOException {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
