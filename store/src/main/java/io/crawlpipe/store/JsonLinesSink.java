package io.crawlpipe.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes results as JSON Lines: one UTF-8 JSON object and a newline per result, flushed after
 * every line so a consumer tailing the file only ever sees whole lines. Thread-safe: writes are
 * serialised by a lock, so lines never interleave; a line is built whole in a buffer reused under
 * the lock before any of it reaches the output. Once {@link #close()} returns (it waits for a
 * line being written), no further line reaches the output: a late write fails instead, so a sealed
 * file never ends in a half line.
 */
public final class JsonLinesSink implements ResultSink {
  private final JsonFactory factory = ResultJson.factory();
  private final ReentrantLock lock = new ReentrantLock();
  /** The line being written, reused from line to line; guarded by {@link #lock}. */
  private final LineBuffer line = new LineBuffer();
  private final OutputStream out;
  private final String name;
  private final boolean ownsStream;
  /** Set when writing to a PrintStream, which swallows I/O errors: they are read back after each flush. */
  private final PrintStream printStream;
  private boolean closed;
  /** Writes the rare results whose data is not plain; built on first need, guarded by {@link #lock}. */
  private ObjectWriter databind;

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
    PrintStream print = stream instanceof PrintStream p ? p : null;
    return new JsonLinesSink(new BufferedOutputStream(stream, 64 * 1024), name, false, print);
  }

  @Override
  public void write(CrawlResult result) {
    lock.lock();
    try {
      if (closed) throw new StoreException("results file " + name + " is already closed", new IOException("closed"));
      serialise(result);
      line.write('\n');
      out.write(line.buffer(), 0, line.size());
      out.flush();
      if (printStream != null && printStream.checkError()) throw new IOException("write failed (closed pipe?)");
    } catch (IOException e) {
      throw new StoreException("cannot write results to " + name + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fills {@link #line} with the JSON of {@code result}; the output sees nothing if this fails. A
   * result with plain data (all a crawl produces) needs only a jackson-core generator; others go
   * through {@link ResultJson#mapper()}. Both give the same bytes.
   */
  private void serialise(CrawlResult result) {
    line.clear();
    try {
      if (CrawlResultSerializer.isPlain(result)) {
        try (JsonGenerator gen = factory.createGenerator(ObjectWriteContext.empty(), line)) {
          CrawlResultSerializer.write(result, gen, null);
        }
      } else {
        if (databind == null) databind = ResultJson.mapper().writerFor(CrawlResult.class);
        databind.writeValue(line, result);
      }
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise result for " + result.url(), e);
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
      throw new StoreException("cannot finish results file " + name + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** A reusable byte buffer that exposes its bytes without copying. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    private static final int INITIAL = 1024;
    /** A buffer grown past this by an unusually long line is dropped rather than kept for the run. */
    private static final int KEPT = 64 * 1024;

    LineBuffer() {
      super(INITIAL);
    }

    /** Empties the buffer for the next line. */
    void clear() {
      reset();
      if (buf.length > KEPT) buf = new byte[INITIAL];
    }

    byte[] buffer() {
      return buf;
    }
  }
}
