package io.crawlpipe.crawler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Streams a URL list one line at a time, never holding the list: trims each line, skips blank
 * lines and {@code #} comments, and skips a line already seen (by 64-bit fingerprint). Not
 * thread-safe: one reader thread owns it. Closing it closes the underlying reader.
 */
public final class UrlSource implements AutoCloseable {
  private final BufferedReader reader;
  private final FingerprintSet seen = new FingerprintSet();
  private long duplicates;
  private long lineNumber;

  public UrlSource(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 64 * 1024);
  }

  /**
   * The next distinct URL line, trimmed, or null at the end of the list.
   *
   * @throws UncheckedIOException when the list cannot be read
   */
  public String next() {
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
        if (seen.add(trimmed)) return trimmed;
        duplicates++;
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read URL list at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Lines skipped because the same line came earlier. */
  public long duplicates() {
    return duplicates;
  }

  /** Distinct URL lines handed out so far. */
  public long distinct() {
    return seen.size();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
