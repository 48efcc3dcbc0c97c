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
 */
public final class JsonLinesSink implements ResultSink {
  private final ReentrantLock lock = new ReentrantLock();
  /** Builds each line whole before any of it reaches {@link #out}; guarded by {@link #lock}. */
  private final ResultLineEncoder encoder = new ResultLineEncoder();
  private final OutputStream out;
  private final String name;
  private final boolean ownsStream;
  /** Set when writing to a PrintStream, which swallows I/O errors: they are read back after each flush. */
  private final PrintStream printStream;
  private boolean closed;

  private JsonLinesSink(OutputStream out, String name, boolean ownsStream, PrintStream printStream) {
    this.out = Objects.requireNonNull(out, "out");
    this.name = name;
    this.ownsStream = ownsStream;
    this.printStream = printStream;
  }

  private JsonLinesSink(OutputStream out, String name, boolean ownsStream) {
    this(out, name, ownsStream, null);
  }

  /** Creates (or truncates) {@code file}, creating missing parent directories. The sink owns it. */
  public static JsonLinesSink create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return new JsonLinesSink(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024),
        file.toString(), true);
  }

  /**
   * Appends to {@code file} (created if missing, with its parent directories). The caller makes
   * sure the file ends with a whole line first (see {@link ResultFileScanner}). The sink owns it.
   */
  public static JsonLinesSink append(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return new JsonLinesSink(new BufferedOutputStream(Files.newOutputStream(file,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 64 * 1024),
        file.toString(), true);
  }

  /**
   * Writes to a stream the caller owns (for example standard output); close() only flushes it. A
   * {@link PrintStream}'s swallowed errors (a closed pipe) still surface as {@link StoreException}.
   */
  public static JsonLinesSink to(OutputStream stream, String name) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(name, "name");
    PrintStream print = stream instanceof PrintStream p ? p : null;
    return new JsonLinesSink(new BufferedOutputStream(stream, 64 * 1024), name, false, print);
  }

  @Override
  public void write(CrawlResult result) {
    lock.lock();
    try {
      if (closed) throw new StoreException("results file " + name + " is already closed", new IOException("closed"));
      encoder.writeLine(result, out);
      out.flush();
      if (printStream != null && printStream.checkError()) throw new IOException("write failed (a closed pipe, or a full disk?)");
    } catch (IOException e) {
      throw new StoreException("cannot write results to " + name + ": " + FileProblems.describe(e), e);
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
      if (ownsStream) out.close(); else out.flush();
    } catch (IOException e) {
      throw new StoreException("cannot finish results file " + name + ": " + FileProblems.describe(e), e);
    } finally {
      lock.unlock();
    }
  }
}
