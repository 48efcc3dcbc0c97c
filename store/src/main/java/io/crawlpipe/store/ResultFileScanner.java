package io.crawlpipe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a results file left by an earlier run, for {@code --resume} and {@code --append}.
 *
 * <p>Every whole line (ending in a newline) must be a result line ({@link ResultLineReader}): the
 * first that is not ends the scan with a {@link ResultFileException}, since what follows it may be
 * good results that must not be deleted. The bytes after the last newline are either a complete
 * result line whose newline is missing (another tool wrote the file; it is kept) or, when they are
 * not JSON, a line cut short by {@code kill -9}, a full disk or a power loss, which is dropped, and
 * so re-crawled. A file with no result line at all is refused too, unless all it holds is such a cut
 * line that crawlpipe began ({@code {"url":...}) or the zero bytes a power loss leaves. Within the
 * kept lines a {@code cancelled} line is not final (its URL is retried); every other line is.
 * Stateless between scans; the URL text handed to a visitor is not kept. One pass, line by line.
 */
public final class ResultFileScanner {
  private static final int BLOCK = 64 * 1024;
  private static final byte[] CRAWLPIPE_LINE_START = "{\"url\":".getBytes(StandardCharsets.US_ASCII);

  /**
   * What {@link #scan} found: {@code validBytes} hold every result line (the last one without its
   * newline when {@code newlineMissing}); the rest of the {@code totalBytes} is a cut line.
   */
  public record Scan(long validBytes, long totalBytes, boolean newlineMissing, long finalLines, long finalFailed,
      long cancelledLines) {
    public Scan {
      if (validBytes < 0 || validBytes > totalBytes) {
        throw new IllegalArgumentException("validBytes must be in [0, " + totalBytes + "], was " + validBytes);
      }
    }

    /** How many bytes at the end are a cut line, to be dropped. */
    public long droppedBytes() {
      return totalBytes - validBytes;
    }

    /** True when the file holds something besides final whole lines (cancelled lines, a cut or unended line). */
    public boolean needsRepair() {
      return cancelledLines > 0 || validBytes < totalBytes || newlineMissing;
    }
  }

  /** Receives each result line of a scan, in file order. */
  interface LineVisitor {
    /**
     * {@code len} bytes of {@code buf} from {@code off} (with the newline, unless it is the unended
     * last line), which start at byte {@code offset} of the file; {@code line} has read them.
     */
    void line(byte[] buf, int off, int len, long offset, ResultLineReader line) throws IOException;
  }

  /**
   * Reads {@code file} and calls {@code finalUrl} with the URL of every final line, in file order.
   *
   * @throws ResultFileException when a line other than the last is not a result line, or none is
   * @throws IOException when the file cannot be read
   */
  public Scan scan(Path file, Consumer<String> finalUrl) throws IOException {
    Objects.requireNonNull(finalUrl, "finalUrl");
    return scan(file, (buf, off, len, offset, line) -> {
      if (!line.cancelled()) finalUrl.accept(line.url());
    });
  }

  /** As {@link #scan(Path, Consumer)}, handing every result line, cancelled or not, to {@code visitor}. */
  Scan scan(Path file, LineVisitor visitor) throws IOException {
    Counts counts = new Counts(file, visitor);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] block = new byte[BLOCK];
      LineBuffer spill = new LineBuffer(4096);
      int n;
      while ((n = in.read(block)) > 0) {
        int from = 0;
        for (int nl = indexOfNewline(block, from, n); nl >= 0; nl = indexOfNewline(block, from, n)) {
          if (spill.size() == 0) {
            counts.wholeLine(block, from, nl + 1 - from);
          } else {
            spill.write(block, from, nl + 1 - from);
            counts.wholeLine(spill.buffer(), 0, spill.size());
            spill.clear();
          }
          from = nl + 1;
        }
        spill.write(block, from, n - from);
      }
      return counts.end(spill.buffer(), spill.size());
    }
  }

  /** What a scan has seen so far. */
  private static final class Counts {
    final Path file;
    final LineVisitor visitor;
    final ResultLineReader reader = new ResultLineReader();
    long lines;
    long offset;
    long finalLines;
    long finalFailed;
    long cancelled;

    Counts(Path file, LineVisitor visitor) {
      this.file = file;
      this.visitor = visitor;
    }

    void wholeLine(byte[] buf, int off, int len) throws IOException {
      lines++;
      ResultLineReader.Verdict verdict = reader.read(buf, off, len);
      if (verdict != ResultLineReader.Verdict.RESULT) {
        throw new ResultFileException(file, lines, ResultLineReader.problem(verdict));
      }
      visit(buf, off, len);
    }

    private void visit(byte[] buf, int off, int len) throws IOException {
      if (reader.cancelled()) {
        cancelled++;
      } else {
        finalLines++;
        if (!reader.ok()) finalFailed++;
      }
      visitor.line(buf, off, len, offset, reader);
      offset += len;
    }

    /** Judges the bytes after the last newline and returns the scan. */
    Scan end(byte[] tail, int len) throws IOException {
      boolean kept = false;
      if (len > 0) {
        ResultLineReader.Verdict verdict = reader.read(tail, 0, len);
        if (verdict == ResultLineReader.Verdict.NOT_A_RESULT
            || verdict == ResultLineReader.Verdict.NOT_JSON && lines == 0 && !crawlpipeCut(tail, len)) {
          throw new ResultFileException(file, lines + 1, ResultLineReader.problem(verdict));
        }
        kept = verdict == ResultLineReader.Verdict.RESULT;
        if (kept) visit(tail, 0, len);
      }
      return new Scan(offset, offset + (kept ? 0 : len), kept, finalLines, finalFailed, cancelled);
    }
  }

  /**
   * Whether the {@code len} bytes of {@code tail}, the only line of a file and not JSON, are the
   * start of a line crawlpipe wrote (cut short) or the zero bytes a power loss leaves.
   */
  static boolean crawlpipeCut(byte[] tail, int len) {
    if (Arrays.equals(tail, 0, Math.min(len, CRAWLPIPE_LINE_START.length), CRAWLPIPE_LINE_START, 0,
        Math.min(len, CRAWLPIPE_LINE_START.length))) {
      return true;
    }
    for (int i = 0; i < len; i++) {
      if (tail[i] != 0) return false;
    }
    return true;
  }

  private static int indexOfNewline(byte[] block, int from, int to) {
    for (int i = from; i < to; i++) {
      if (block[i] == '\n') return i;
    }
    return -1;
  }
}
