package io.crawlpipe.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes results as JSON Lines: one UTF-8 JSON object and a newline per result, flushed after
 * every line so a consumer tailing the file only ever sees whole lines. Thread-safe: writes are
 * serialised by a lock, so lines never interleave.
 */
public final class JsonLinesSink implements ResultSink {
  private final ObjectWriter writer = ResultJson.mapper().writerFor(CrawlResult.class);
  private final ReentrantLock lock = new ReentrantLock();
  private final OutputStream out;
  private final String name;
  private final boolean ownsStream;

  private JsonLinesSink(OutputStream out, String name, boolean ownsStream) {
    this.out = Objects.requireNonNull(out, "out");
    this.name = name;
    this.ownsStream = ownsStream;
  }

  /** Creates (or truncates) {@code file}, creating missing parent directories. The sink owns it. */
  public static JsonLinesSink create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return new JsonLinesSink(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024),
        file.toString(), true);
  }

  /** Writes to a stream the caller owns (for example standard output); close() only flushes it. */
  public static JsonLinesSink to(OutputStream stream, String name) {
    return new JsonLinesSink(new BufferedOutputStream(stream, 64 * 1024), name, false);
  }

  @Override
  public void write(CrawlResult result) {
    byte[] line;
    try {
      line = writer.writeValueAsBytes(result);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise result for " + result.url(), e);
    }
    lock.lock();
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new StoreException("cannot write results to " + name + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (ownsStream) out.close(); else out.flush();
    } catch (IOException e) {
      throw new StoreException("cannot finish results file " + name + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
