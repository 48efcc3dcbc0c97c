package io.crawlpipe.crawler;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine()} does (ended by {@code \n}, {@code \r}
 * or {@code \r\n}), trimmed of the characters {@code blank} accepts at both ends, but never holds
 * more than {@code maxChars} of one line: a line longer than that once trimmed comes back as its
 * first {@code maxChars} characters followed by a note of its trimmed length and a fingerprint of
 * the whole trimmed line, so that two long lines with the same beginning stay two lines ({@code
 * … (N characters, fingerprint HEX)}, HEX being {@link Long#toHexString}: up to 16 digits, no
 * leading zeros; an earlier run's results hold that form, so it never changes). Blanks
 * before a line's first other character are skipped and blanks after its last one are counted,
 * not kept, so a short URL followed by a million spaces is that URL. A list with a line of
 * gigabytes (a binary file given by mistake) then costs no more memory than a list of short ones.
 * Not thread-safe; closing it closes the reader.
 */
final class ListLineReader implements AutoCloseable {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private final Reader in;
  private final int maxChars;
  private final IntPredicate blank;
  private final BooleanSupplier stop;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private boolean skipLineFeed;
  private boolean stopped;

  /** A reader that trims nothing. */
  ListLineReader(Reader in, int maxChars) {
    this(in, maxChars, c -> false, () -> false);
  }

  /**
   * A reader that trims the characters {@code blank} accepts, and gives up a line longer than
   * {@code maxChars} (blanks included) once {@code stop} says so: a list that never ends its line (a
   * pipe from {@code /dev/zero}) then lets a graceful stop through instead of holding the reader
   * for ever. The line is returned as read so far when it is too long once trimmed; when only its
   * blanks made it long, it is a line cut short, and the lines end there ({@link #stopped}). (A list
   * that sends nothing at all is {@link StoppableReader}'s case: reading through one, the lines end
   * where it was stopped, and a line cut short there is dropped rather than returned, unless it is
   * already too long.)
   */
  ListLineReader(Reader in, int maxChars, IntPredicate blank, BooleanSupplier stop) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxChars < 1) throw new IllegalArgumentException("maxChars must be >= 1, was " + maxChars);
    this.maxChars = maxChars;
    this.blank = Objects.requireNonNull(blank, "blank");
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** The next line without its terminator, trimmed and shortened as the class comment says; null at the end. */
  String next() throws IOException {
    Line line = null;
    while (true) {
      if (position == limit && line != null && line.read > maxChars && stop.getAsBoolean()) return givenUp(line);
      if (position == limit && !fill()) {
        if (stopped && (line == null || line.trimmed <= maxChars)) return null; // a line cut short by the stop is not a line
        return line == null ? null : line.text();
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') position++;
        continue;
      }
      int start = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
      if (line == null) line = new Line();
      line.append(buffer, start, position);
      if (position < limit) {
        skipLineFeed = buffer[position++] == '\r';
        return line.text();
      }
    }
  }

  /** The line {@code stop} ended: as read so far when too long once trimmed, else none, and the lines end. */
  private String givenUp(Line line) {
    if (line.trimmed > maxChars) return line.text();
    stopped = true;
    return null;
  }

  /**
   * One line as it is read: the characters from its first that is not blank on, of which the first
   * {@code maxChars} are kept, and, once there are more, an FNV-1a hash of them.
   */
  private final class Line {
    private StringBuilder kept; // null until a character that is not blank
    private long read; // every character of the line
    private long length; // from its first character that is not blank on
    private long trimmed; // from there up to its last that is not blank: the trimmed line's length
    private boolean hashing;
    private long hash = FNV_OFFSET;
    private long trimmedHash; // the hash of the first trimmed characters

    void append(char[] chars, int from, int to) {
      read += to - from;
      if (kept == null) {
        while (from < to && blank.test(chars[from])) from++;
        if (from == to) return;
        kept = new StringBuilder(Math.min(to - from + 16, maxChars));
      }
      int end = to; // just past the last character that is not blank, or from when there is none
      while (end > from && blank.test(chars[end - 1])) end--;
      if (!hashing && length + (to - from) > maxChars) {
        hashing = true;
        hash = fnv(hash, kept, 0, kept.length()); // all of it so far, none cut yet
      }
      kept.append(chars, from, (int) Math.max(0, Math.min(to - from, maxChars - length)));
      if (hashing) hash = fnv(hash, CharBuffer.wrap(chars), from, end);
      if (end > from) {
        trimmed = length + (end - from);
        trimmedHash = hash;
      }
      if (hashing) hash = fnv(hash, CharBuffer.wrap(chars), end, to);
      length += to - from;
    }

    String text() {
      if (kept == null) return "";
      if (trimmed <= maxChars) return kept.substring(0, (int) trimmed);
      return kept.append("… (").append(trimmed).append(" characters, fingerprint ")
          .append(Long.toHexString(trimmedHash)).append(')').toString();
    }
  }

  private static long fnv(long hash, CharSequence chars, int from, int to) {
    for (int i = from; i < to; i++) hash = (hash ^ chars.charAt(i)) * 0x100000001b3L;
    return hash;
  }

  /**
   * Whether the lines ended because the run stopped (a {@link StoppableReader} was stopped, or a
   * line given up was only blanks past the limit), not at the list's end.
   */
  boolean stopped() {
    return stopped;
  }

  private boolean fill() throws IOException {
    int n;
    try {
      do {
        n = in.read(buffer, 0, buffer.length);
      } while (n == 0);
    } catch (StoppableReader.Stopped e) {
      stopped = true;
      return false;
    }
    if (n < 0) return false;
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
