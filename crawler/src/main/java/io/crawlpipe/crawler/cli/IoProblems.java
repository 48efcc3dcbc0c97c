package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns file-system exceptions into the short phrases users see after "crawl: ...". */
final class IoProblems {
  private IoProblems() {}

  static String describe(IOException e) {
    return switch (e) {
      case NoSuchFileException ignored -> "no such file or directory";
      case AccessDeniedException ignored -> "permission denied";
      case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
