package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The pages {@code crawl extract} is given by name: files (regular ones, named pipes, devices) and
 * {@code -} for stdin, each read whole and at most {@code maxBytes}, as a fetcher bounds a body: a
 * larger one is an {@link IOException} saying so, read no further. Stdin is never closed. Not
 * thread-safe.
 */
final class SavedPages {
  /** The page name that reads stdin. */
  static final String STDIN = "-";

  private final InputStream stdin;
  private final long maxBytes;

  /** Pages of at most {@code maxBytes} (1 to {@link Integer#MAX_VALUE} - 8, an array's largest size). */
  SavedPages(InputStream stdin, long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be 1.." + (Integer.MAX_VALUE - 8) + ", was " + maxBytes);
    }
    this.stdin = stdin;
    this.maxBytes = maxBytes;
  }

  /**
   * Fails as reading the file {@code path} would, before any page is read; reads nothing. Only a
   * regular file is opened: an open of a named pipe would take its writer's bytes with it, and the
   * read after it would wait for another writer for ever. A page that will not be {@code read} (its
   * type is not text) may be of any size.
   */
  void check(Path path, boolean read) throws IOException {
    if (Files.isDirectory(path)) throw new IOException("is a directory");
    if (!Files.isRegularFile(path)) { // a pipe or a device, or nothing
      if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
      if (!Files.isReadable(path)) throw new AccessDeniedException(path.toString());
      return;
    }
    try (SeekableByteChannel file = Files.newByteChannel(path)) {
      if (read && file.size() > maxBytes) throw tooLarge();
    }
  }

  /** The bytes of {@code page}, a file's name or {@link #STDIN}; more than the bound read is an error. */
  byte[] read(String page) throws IOException {
    if (page.equals(STDIN)) return bounded(stdin);
    try (InputStream file = Files.newInputStream(Path.of(page))) {
      return bounded(file);
    }
  }

  private byte[] bounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) maxBytes + 1);
    if (body.length > maxBytes) throw tooLarge();
    return body;
  }

  private IOException tooLarge() {
    return new IOException("larger than " + size(maxBytes) + ", the largest body read");
  }

  /** {@code 1g}, {@code 64k}, or a number of bytes: as the options take sizes. */
  private static String size(long bytes) {
    String[] units = {"g", "m", "k"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (30 - 10 * i);
      if (bytes % unit == 0) return bytes / unit + units[i];
    }
    return bytes + " bytes";
  }
}
