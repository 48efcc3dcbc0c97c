package io.crawlpipe.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes results as JSON Lines: one UTF-8 JSON object and a newline per result, flushed after
 * every line so a consumer tailing the file only ever sees whole lines. Thread-safe: writes are
 * serialised by a lock, so lines never interleave, and each line is built whole before any of it
 * reaches the output (a result that cannot be serialised fails alone). Once {@link #close()}
 * returns (it waits for a line being written), no further line reaches the output: a late write
 * fails instead, so a sealed file never ends in a half line.
 *
 * <p>Once a write fails (a full disk may have taken part of the line), nothing more reaches the
 * output: later writes fail at once with that first failure as their cause, and {@link #close()}
 * never flushes the refused line's bytes, still buffered, again (they would follow the part the
 * disk took); it closes a stream it owns and fails with that first failure. A file that failed
 * mid-line thus ends in that cut line, which {@code --resume} drops.
 */
public final class JsonLinesSink implements ResultSink {
  private final ReentrantLock lock = new ReentrantLock();
  /** Builds each line whole before any of it reaches {@link #out}; guarded by {@link #lock}. */
  private final ResultLineEncoder encoder = new ResultLineEncoder();
  private final BufferedOutputStream out;
  /** The stream under {@link #out}: closed without flushing {@link #out} after a failed write. */
  private final OutputStream raw;
  private final String name;
  private final boolean ownsStream;
  /** Set when writing to a PrintStream, which swallows I/O errors: they are read back after each flush. */
  private final PrintStream printStream;
  private boolean closed;
  /** The first write's failure, after which nothing reaches {@link #raw}; guarded by {@link #lock}. */
  private IOException failure;

  private JsonLinesSink(OutputStream raw, String name, boolean ownsStream, PrintStream printStream) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.out = new BufferedOutputStream(raw, 64 * 1024);
    this.name = Objects.requireNonNull(name, "name");
    this.ownsStream = ownsStream;
    this.printStream = printStream;
  }

  /** Writes to {@code raw}, which the sink owns: close() closes it. */
  static JsonLinesSink owning(OutputStream raw, String name) {
    return new JsonLinesSink(raw, name, true, null);
  }

  /** Creates (or truncates) {@code file}, creating missing parent directories. The sink owns it. */
  public static JsonLinesSink create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return owning(Files.newOutputStream(file), file.toString());
  }

  /**
   * Appends to {@code file} (created if missing, with its parent directories). The caller makes
   * sure the file ends with a whole line first (see {@link ResultFileScanner}). The sink owns it.
   */
  public static JsonLinesSink append(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return owning(Files.newOutputStream(file,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), file.toString());
  }

  /**
   * Writes to a stream the caller owns (for example standard output); close() only flushes it. A
   * {@link PrintStream}'s swallowed errors (a closed pipe) still surface as {@link StoreException}.
   */
  public static JsonLinesSink to(OutputStream stream, String name) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(name, "name");
    PrintStream print = stream instanceof PrintStream p ? p : null;
    return new JsonLinesSink(stream, name, false, print);
  }

  @Override
  public void write(CrawlResult result) {
    lock.lock();
    try {
      if (closed) throw new StoreException("results file " + name + " is already closed", new IOException("closed"));
      if (failure != null) throw writeFailed(failure);
      encoder.writeLine(result, out);
      out.flush();
      if (printStream != null && printStream.checkError()) throw new IOException("write failed (a closed pipe, or a full disk?)");
    } catch (IOException e) {
      failure = e;
      throw writeFailed(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) return;
      closed = true;
      if (failure != null) closeAfterFailure();
      else if (ownsStream) out.close();
      else out.flush();
    } catch (IOException e) {
      throw new StoreException("cannot finish results file " + name + ": " + FileProblems.describe(e), e);
    } finally {
      lock.unlock();
    }
  }

  private StoreException writeFailed(IOException e) {
    return new StoreException("cannot write results to " + name + ": " + FileProblems.describe(e), e);
  }

  /**
   * Closes an owned stream under the buffer, which still holds the refused line, without flushing
   * it; then fails, since that line is not written.
   */
  private void closeAfterFailure() throws IOException {
    if (ownsStream) raw.close();
    throw new StoreException("cannot finish results file " + name + ": " + FileProblems.describe(failure), failure);
  }
}
