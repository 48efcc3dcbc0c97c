package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.FileProblems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns file-system exceptions into the short phrases users see after "crawl: ...". The JDK throws
 * the specific {@link FileSystemException}s with no reason, and their message is then only the
 * file's name, which says nothing of the problem ("cannot write output 'list.txt/x.jsonl':
 * /tmp/list.txt"): each gets a phrase ({@link FileProblems}, shared with the store), naming the
 * file when it is another one than the one the run was working on, such as a parent directory.
 */
final class IoProblems {
  private IoProblems() {}

  /**
   * The phrase for {@code e}: {@link FileProblems#describe}, which the results' store uses too; the
   * JDK's "Is a directory" from reading a directory opened as a stream (stdin, {@code < /tmp}) is
   * worded as a directory named as a file is.
   */
  static String describe(IOException e) {
    if (e.getClass() == IOException.class && "Is a directory".equals(e.getMessage())) return "is a directory";
    return FileProblems.describe(e);
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
}
