package io.crawlpipe.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The end of a results file, for {@code --append}: checked and repaired by reading its last line
 * or two backwards, a block at a time, however long the file; and the in-place repairs {@link
 * ResultFileRepair} shares (truncating a cut line, adding a missing newline). Stateless.
 */
final class ResultFileEnd {
  private static final int BLOCK = 64 * 1024;

  private ResultFileEnd() {}

  /**
   * Checks the end of {@code file} under the rules of {@link ResultFileScanner}, reading only its
   * last line or two: a cut last line is truncated away (with a warning to {@code warn}), a
   * complete one without its newline gets one, and a file whose last whole line or unended last
   * line is no result line is refused. Does nothing to a missing or empty file.
   *
   * @throws ResultFileException when the end of the file is not a result line; nothing was changed
   * @throws IOException when the file cannot be read or written
   */
  static void prepare(Path file, Consumer<String> warn) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) return;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long whole = afterLastNewline(channel, size);
      if (whole > 0) {
        long start = afterLastNewline(channel, whole - 1);
        refuseUnlessResult(file, channel, start, judge(read(channel, start, whole)));
      }
      if (whole == size) return;
      byte[] tail = read(channel, whole, size);
      ResultLineReader.Verdict verdict = judge(tail);
      if (verdict == ResultLineReader.Verdict.RESULT) {
        appendNewline(file);
      } else if (verdict == ResultLineReader.Verdict.NOT_JSON
          && (whole > 0 || ResultFileScanner.crawlpipeCut(tail, tail.length))) {
        warn.accept(dropped(file, size - whole));
        truncate(file, whole);
      } else {
        refuseUnlessResult(file, channel, whole, verdict);
      }
    }
  }

  private static ResultLineReader.Verdict judge(byte[] line) {
    return new ResultLineReader().read(line, 0, line.length);
  }

  /** Refuses the file, naming the line that starts at {@code start}, unless {@code verdict} is a result. */
  private static void refuseUnlessResult(Path file, FileChannel channel, long start, ResultLineReader.Verdict verdict)
      throws IOException {
    if (verdict == ResultLineReader.Verdict.RESULT) return;
    throw new ResultFileException(file, newlinesBefore(channel, start) + 1, ResultLineReader.problem(verdict));
  }

  /** The warning for {@code bytes} dropped at the end of {@code file}. */
  static String dropped(Path file, long bytes) {
    return "dropped the last " + bytes + (bytes == 1 ? " byte" : " bytes") + " of '" + file
        + "': a line cut short by an earlier run (not JSON, no newline); its URL is crawled again";
  }

  /** Truncates {@code file} to {@code length} bytes, on disk. */
  static void truncate(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(true);
    } catch (IOException e) {
      throw new StoreException("cannot truncate '" + file + "': " + FileProblems.describe(e), e);
    }
  }

  /** Adds the newline a complete last line lacks, on disk. */
  static void appendNewline(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
      channel.force(true);
    } catch (IOException e) {
      throw new StoreException("cannot add the missing newline at the end of '" + file + "': " + FileProblems.describe(e), e);
    }
  }

  /**
   * The offset just after the last newline before {@code end} in {@code channel} (0 if there is
   * none), read backwards a block at a time.
   */
  private static long afterLastNewline(FileChannel channel, long end) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    for (long to = end; to > 0; ) {
      long from = Math.max(0, to - BLOCK);
      block.clear().limit((int) (to - from));
      readFully(channel, block, from);
      for (int i = block.limit() - 1; i >= 0; i--) {
        if (block.get(i) == '\n') return from + i + 1;
      }
      to = from;
    }
    return 0;
  }

  /** How many newlines {@code channel} holds before {@code end}. */
  private static long newlinesBefore(FileChannel channel, long end) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    long count = 0;
    for (long from = 0; from < end; from += block.limit()) {
      block.clear().limit((int) Math.min(BLOCK, end - from));
      readFully(channel, block, from);
      for (int i = 0; i < block.limit(); i++) {
        if (block.get(i) == '\n') count++;
      }
    }
    return count;
  }

  /** The bytes of {@code channel} from {@code from} to {@code to} (one line: less than 2 GB). */
  private static byte[] read(FileChannel channel, long from, long to) throws IOException {
    if (to - from > Integer.MAX_VALUE - 16) throw new IOException("a line of " + (to - from) + " bytes is too long to read");
    ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
    readFully(channel, bytes, from);
    return bytes.array();
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      int n = channel.read(into, at + into.position());
      if (n < 0) throw new EOFException("the file shrank while it was read");
    }
  }
}
