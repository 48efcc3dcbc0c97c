package io.crawlpipe.crawler.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns file-system exceptions into the short phrases users see after "crawl: ...". The JDK throws
 * the specific {@link FileSystemException}s with no reason, and their message is then only the
 * file's name, which says nothing of the problem ("cannot write output 'list.txt/x.jsonl':
 * /tmp/list.txt"): each gets a phrase that names the file (often another one than the path in the
 * message, such as a parent directory) and what is wrong with it.
 */
final class IoProblems {
  private IoProblems() {}

  static String describe(IOException e) {
    return switch (e) {
      case NoSuchFileException ignored -> "no such file or directory";
      case AccessDeniedException ignored -> "permission denied";
      case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(Locale.ROOT);
      case NotDirectoryException f -> about(f, "is not a directory");
      // Files.createDirectories, crawlpipe's only source of it, throws it for a parent that exists
      // and is not a directory (--out list.txt/x.jsonl with list.txt a file).
      case FileAlreadyExistsException f -> about(f, "exists and is not a directory");
      case DirectoryNotEmptyException f -> about(f, "is a directory that is not empty");
      case FileSystemException f -> about(f, "cannot be used (" + f.getClass().getSimpleName() + ")");
      case EOFException eof when eof.getMessage() == null -> "it ends too early (cut short?)";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  /**
   * As {@link #describe(IOException)}, for an operation on the file {@code named}: a missing or
   * forbidden file that is another one than {@code named} (a parent directory, the partial file
   * beside an output) is named, since "permission denied" alone points at the wrong file.
   */
  static String describe(IOException e, Object named) {
    if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null
        && (e instanceof NoSuchFileException || e instanceof AccessDeniedException)
        && !sameName(f.getFile(), String.valueOf(named))) {
      return e instanceof NoSuchFileException ? "'" + f.getFile() + "' does not exist"
          : "permission denied for '" + f.getFile() + "'";
    }
    return describe(e);
  }

  private static boolean sameName(String a, String b) {
    try {
      return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return a.equals(b);
    }
  }

  /** "{@code file} {@code problem}", or the problem alone when the exception names no file. */
  private static String about(FileSystemException f, String problem) {
    return f.getFile() == null ? problem : f.getFile() + " " + problem;
  }
}
