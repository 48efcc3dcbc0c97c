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
  private final FingerprintSet done;
  private long duplicates;
  private long lineNumber;
  private long alreadyDone;
  private volatile long total = -1;

  public UrlSource(Reader reader) {
    this(reader, new FingerprintSet());
  }

  /**
   * A source that also skips the lines in {@code done} (URLs an interrupted run already finished,
   * for {@code --resume}); it reads {@code done} but never changes it.
   */
  public UrlSource(Reader reader, FingerprintSet done) {
    Objects.requireNonNull(reader, "reader");
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 64 * 1024);
    this.done = Objects.requireNonNull(done, "done");
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
        if (!seen.add(trimmed)) {
          duplicates++;
        } else if (done.size() > 0 && done.contains(trimmed)) {
          alreadyDone++;
        } else {
          return trimmed;
        }
      }
      total = seen.size();
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read URL list at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Lines skipped because the same line came earlier. */
  public long duplicates() {
    return duplicates;
  }

  /** Distinct URL lines seen so far (handed out or skipped as already done). */
  public long distinct() {
    return seen.size();
  }

  /** Distinct lines skipped because they were in the {@code done} set. */
  public long alreadyDone() {
    return alreadyDone;
  }

  /**
   * The number of distinct lines in the whole list once it has been read to the end, else -1.
   * Unlike the other getters, safe to call from any thread (for progress reports).
   */
  public long totalIfKnown() {
    return total;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
