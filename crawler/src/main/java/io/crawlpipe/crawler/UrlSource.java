package io.crawlpipe.crawler;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Streams a URL list one line at a time, never holding the list: trims each line ({@link
 * #isBlank}), skips blank lines and {@code #} comments, and skips a line already seen (by 64-bit
 * fingerprint). A line longer than {@link UrlValidator#MAX_URL_CHARS} once trimmed is not held
 * whole (see {@link ListLineReader}); it comes out shortened, for its {@code invalid_url} line. A
 * list that cannot be read to its end (a truncated {@code .gz}, a failing disk, a list file the
 * command line sees change while it is read) ends where the read fails, without a last line cut
 * there, so the lines before it are crawled and stored as usual; {@link #readFailure()}
 * then says where and why, and the caller decides what that means for the run. Only an {@code
 * IOException} is such a read failure: a {@code RuntimeException} or {@code Error} the reader
 * throws (a bug in it, not a list that broke off) passes through {@link #next()} to its caller as
 * it is, and the {@link Pipeline} rethrows it once the lines before it are stored. Not thread-safe:
 * one reader thread owns it. Closing it closes the underlying reader.
 */
public final class UrlSource implements AutoCloseable {
  private final Reader list;
  private final ListLineReader reader;
  private final FingerprintSet seen = new FingerprintSet();
  private final FingerprintSet done;
  private long duplicates;
  private long lineNumber;
  private long alreadyDone;
  private volatile long total = -1;
  private volatile boolean handedOut;
  private ReadFailure readFailure;

  /** The list could not be read at {@code line} (1-based, the first line not read) because of {@code cause}. */
  public record ReadFailure(long line, IOException cause) {
    public ReadFailure {
      if (line < 1) throw new IllegalArgumentException("line must be >= 1, was " + line);
      Objects.requireNonNull(cause, "cause");
    }

    /** As an exception for callers that end on it: "cannot read URL list at line N: reason". */
    public UncheckedIOException asException() {
      return new UncheckedIOException("cannot read URL list at line " + line + ": " + cause.getMessage(), cause);
    }
  }

  public UrlSource(Reader reader) {
    this(reader, new FingerprintSet());
  }

  /**
   * A source that also skips the lines in {@code done} (URLs an interrupted run already finished,
   * for {@code --resume}); it reads {@code done} but never changes it.
   */
  public UrlSource(Reader reader, FingerprintSet done) {
    this(reader, done, () -> false);
  }

  /**
   * As {@link #UrlSource(Reader, FingerprintSet)}, giving up a line longer than a URL can be once
   * {@code stopped} says the run is stopping (see {@link ListLineReader}), so that a list stuck in
   * an endless line does not hold a graceful stop.
   */
  public UrlSource(Reader reader, FingerprintSet done, BooleanSupplier stopped) {
    this.list = Objects.requireNonNull(reader, "reader");
    this.reader = new ListLineReader(reader, UrlValidator.MAX_URL_CHARS, c -> isBlank((char) c), stopped);
    this.done = Objects.requireNonNull(done, "done");
  }

  /** The next distinct URL line, trimmed, or null at the end of the list or where it could not be read. */
  public String next() {
    if (readFailure != null) return null;
    try {
      String line;
      while ((line = reader.next()) != null) {
        lineNumber++; // the reader trimmed it
        if (line.isEmpty() || line.startsWith("#")) continue;
        if (!seen.add(line)) {
          duplicates++;
        } else if (done.size() > 0 && done.contains(line)) {
          alreadyDone++;
        } else {
          if (!handedOut) handedOut = true;
          return line;
        }
      }
      if (!reader.stopped()) total = seen.size();
      return null;
    } catch (IOException e) {
      readFailure = new ReadFailure(lineNumber + 1, e);
      total = seen.size();
      return null;
    }
  }

  /**
   * The encoding the list's characters were decoded from, as its reader says ({@link
   * ListEncoding}): UTF-8 unless it says otherwise. For the message of a line with U+FFFD.
   */
  public Charset encoding() {
    return ListEncoding.of(list);
  }

  /** Why the list ended before its end, once {@link #next()} has met the failure; null otherwise. */
  public ReadFailure readFailure() {
    return readFailure;
  }

  /**
   * True for what a line is trimmed of at both ends: whitespace, no-break spaces (U+00A0, U+2007,
   * U+202F: a list copied from a web page has them), U+0085 (next line: Python's {@code
   * str.strip()} and the rules' {@code trim} strip it too) and invisible formatting characters (Unicode's
   * category Cf: a byte-order mark U+FEFF, which an editor puts at the start of a file; zero-width
   * spaces and joiners U+200B–U+200D and U+2060; direction marks U+200E, U+200F). {@link
   * String#strip()} keeps all but the first kind.
   */
  public static boolean isBlank(char c) {
    return UrlValidator.isSpace(c) || c == '\u0085' || Character.getType(c) == Character.FORMAT;
  }

  /** Lines skipped because the same line came earlier. */
  public long duplicates() {
    return duplicates;
  }

  /**
   * Whether {@link #next()} has handed out a URL yet. Unlike the other figures, any thread may ask
   * (a stop's notice does, to say whether any URL can be in flight).
   */
  public boolean handedOut() {
    return handedOut;
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
