package io.crawlpipe.store;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns file-system exceptions into the short phrases users see after "crawl: ...". The JDK throws
 * the specific {@link FileSystemException}s ({@link AccessDeniedException}, {@link
 * NoSuchFileException}, ...) with no reason, and their message is then only the file's name (or
 * "a -> b" for a rename), which says nothing of the problem: each gets a phrase instead ("permission
 * denied"), and a phrase that names the file when the problem is about another one than the
 * message's (a parent directory that is a file). A {@link FileNotFoundException} of the old file
 * streams, whose message is "PATH (reason)", gets its reason alone. The crawler's messages use it
 * too. Stateless.
 */
public final class FileProblems {
  private FileProblems() {}

  /** A phrase for {@code e} ("permission denied", "no such file or directory", the OS's reason); never null. */
  public static String describe(IOException e) {
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
      case FileNotFoundException f when streamReason(f) != null -> streamReason(f);
      case EOFException eof when eof.getMessage() == null -> "it ends too early (cut short?)";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  /**
   * The OS's reason, in lower case, of a {@link FileNotFoundException} that {@code FileOutputStream}
   * and its kin throw as "PATH (Reason)"; null for any other message.
   */
  private static String streamReason(FileNotFoundException f) {
    String message = f.getMessage();
    int open = message == null || !message.endsWith(")") ? -1 : message.lastIndexOf(" (");
    return open <= 0 ? null : message.substring(open + 2, message.length() - 1).toLowerCase(Locale.ROOT);
  }

  /** "{@code file} {@code problem}", or the problem alone when the exception names no file. */
  private static String about(FileSystemException f, String problem) {
    return f.getFile() == null ? problem : f.getFile() + " " + problem;
  }
}
