package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * An {@link OutputStream} over a {@link PrintStream} the caller owns (the run's standard output or
 * error): each write goes to the stream in one call, {@link #close()} only flushes, and the errors
 * a PrintStream swallows (a closed pipe) come back as {@link IOException}, so the writer above can
 * notice them. As thread-safe as the PrintStream, which serialises its writes.
 */
final class SharedOutput extends OutputStream {
  private final PrintStream stream;

  SharedOutput(PrintStream stream) {
    this.stream = Objects.requireNonNull(stream, "stream");
  }

  @Override
  public void write(int b) throws IOException {
    stream.write(b);
    check();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    stream.write(bytes, offset, length);
    check();
  }

  @Override
  public void flush() throws IOException {
    stream.flush();
    check();
  }

  /** Flushes; the stream stays open, it is not this object's to close. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void check() throws IOException {
    if (stream.checkError()) throw new IOException("write failed (a closed pipe, or a full disk?)");
  }
}
