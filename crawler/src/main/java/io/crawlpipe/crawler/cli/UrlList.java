package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.StoppableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a run's URL list: a file, a pipe or stdin ({@code -}). Stateless. */
final class UrlList {
  private UrlList() {}

  /**
   * The URL list. A regular file is checked now ({@link ListInput#reader}: a refused one ends the
   * run before anything is written), and read as a {@link WatchedListFile}, which breaks off where
   * the file is seen to have changed while it was read; stdin and other files that may be pipes on their first read,
   * so that waiting for a slow producer does not hold up the lock, the signals and the clock, and
   * through a {@link StoppableReader}, so that a producer that stalls does not hold a stop. A list
   * that cannot be opened, or whose name cannot be opened as given ({@link PathArguments#of}; an
   * empty name; a name ending in {@code /} that is not a directory), ends the run: a {@link
   * CrawlRun.RunFailure} with exit code 2.
   */
  static Reader open(RunRequest request, InputStream stdin, CrawlControl control) {
    if ("-".equals(request.urlFile())) return stoppable(ListInput.onFirstRead(stdin), control);
    Path path = path(request.urlFile());
    try {
      if (Files.isDirectory(path)) throw new IOException("is a directory");
      // Path.of drops a trailing '/', which names a directory: "one.txt/" would read one.txt
      if (request.urlFile().endsWith("/") && Files.exists(path)) throw new IOException("not a directory");
      if (!Files.isRegularFile(path) && Files.exists(path)) {
        // A pipe or device: opened on the list's own thread too, since a named pipe's open waits
        // for a writer (a failure to open it is then the list's read failure, at line 1).
        if (!Files.isReadable(path)) throw new AccessDeniedException(path.toString());
        return stoppable(ListInput.onFirstOpen(() -> Files.newInputStream(path)), control);
      }
      // Malformed bytes read as U+FFFD instead of failing: a bad line becomes an invalid_url result
      // rather than aborting the run. A file that changes while it is read breaks off there.
      return openList(WatchedListFile.open(path));
    } catch (IOException e) {
      throw new CrawlRun.RunFailure(ExitCodes.USAGE, "cannot read URL file '" + request.urlFile() + "': "
          + IoProblems.describe(e, request.urlFile())
          + (request.urlFileDefaulted() ? " (no URL_FILE given; the default is " + request.urlFile() + ")" : "")
          + (e instanceof NoSuchFileException && request.urlFile().equals("extract") ? UsageErrors.EXTRACT_FIRST : ""));
    }
  }

  /** The list named {@code name} (not {@code -}); a name that names no file ends the run. */
  private static Path path(String name) {
    if (name.isEmpty()) { // Path.of("") is the working directory
      throw new CrawlRun.RunFailure(ExitCodes.USAGE, "cannot read URL file '': the name is empty; give a file name");
    }
    try {
      return PathArguments.of(name);
    } catch (InvalidPathException e) {
      throw new CrawlRun.RunFailure(ExitCodes.USAGE, "cannot read URL file '" + name + "': " + e.getReason());
    }
  }

  private static Reader stoppable(Reader list, CrawlControl control) {
    StoppableReader reader = new StoppableReader(list);
    control.onStop(reader::stop);
    return reader;
  }

  /** {@link ListInput#reader}, closing {@code in} when the list cannot be read. */
  private static Reader openList(InputStream in) throws IOException {
    try {
      return ListInput.reader(in);
    } catch (IOException e) {
      try (in) {
        throw e;
      }
    }
  }
}
