package io.crawlpipe.crawler;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine()} does (ended by {@code \n}, {@code \r}
 * or {@code \r\n}), but never holds more than {@code maxChars} of one line: a longer line comes
 * back as its first {@code maxChars} characters followed by a note of its real length and a
 * fingerprint of the whole line, so that two long lines with the same beginning stay two lines.
 * A list with a line of gigabytes (a binary file given by mistake) then costs no more memory than
 * a list of short ones. Not thread-safe; closing it closes the reader.
 */
final class ListLineReader implements AutoCloseable {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private final Reader in;
  private final int maxChars;
  private final BooleanSupplier stop;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private boolean skipLineFeed;
  private boolean stopped;

  ListLineReader(Reader in, int maxChars) {
    this(in, maxChars, () -> false);
  }

  /**
   * A reader that gives up a line longer than {@code maxChars} once {@code stop} says so, returning
   * it as read so far: a list that never ends its line (a pipe from {@code /dev/zero}) then lets a
   * graceful stop through instead of holding the reader for ever. (A list that sends nothing at
   * all is {@link StoppableReader}'s case: reading through one, the lines end where it was stopped,
   * and a line cut short there is dropped rather than returned, unless it is already too long.)
   */
  ListLineReader(Reader in, int maxChars, BooleanSupplier stop) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxChars < 1) throw new IllegalArgumentException("maxChars must be >= 1, was " + maxChars);
    this.maxChars = maxChars;
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** The next line without its terminator, shortened as the class comment says; null at the end. */
  String next() throws IOException {
    StringBuilder line = null;
    long length = 0;
    long hash = FNV_OFFSET; // FNV-1a over the whole line, only once it is longer than maxChars
    while (true) {
      if (position == limit && length > maxChars && stop.getAsBoolean()) return finish(line, length, hash);
      if (position == limit && !fill()) {
        if (stopped && length <= maxChars) return null; // a line cut short by the stop is not a line
        return line == null ? null : finish(line, length, hash);
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') position++;
        continue;
      }
      int start = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
      int segment = position - start;
      if (line == null) line = new StringBuilder(Math.min(segment + 16, maxChars));
      if (length + segment > maxChars) {
        if (length <= maxChars) hash = fnv(hash, line, 0, line.length()); // all of it so far, none cut yet
        hash = fnv(hash, CharBuffer.wrap(buffer), start, position);
      }
      line.append(buffer, start, (int) Math.max(0, Math.min(segment, maxChars - length)));
      length += segment;
      if (position < limit) {
        skipLineFeed = buffer[position++] == '\r';
        return finish(line, length, hash);
      }
    }
  }

  private static long fnv(long hash, CharSequence chars, int from, int to) {
    for (int i = from; i < to; i++) hash = (hash ^ chars.charAt(i)) * 0x100000001b3L;
    return hash;
  }

  private String finish(StringBuilder line, long length, long hash) {
    if (length <= maxChars) return line.toString();
    return line.append("… (").append(length).append(" characters, fingerprint ")
        .append(Long.toHexString(hash)).append(')').toString();
  }

  /** Whether the lines ended because a {@link StoppableReader} was stopped, not at the list's end. */
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
