package io.crawlpipe.crawler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that keeps the first failure of its reads, so that a reader above it that swallows
 * failures can tell one of these from the end of its data: after each gzip member {@link
 * java.util.zip.GZIPInputStream} reads on for another and takes any failure there for the end.
 * Not thread-safe: one reader at a time, which may ask {@link #failure} between reads.
 */
public final class FailureKeptStream extends FilterInputStream {
  private IOException failure;

  public FailureKeptStream(InputStream in) {
    super(in);
  }

  /** The first failure a read or skip threw, or null if none has. */
  public IOException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw kept(e);
    }
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    try {
      return in.read(bytes, offset, length);
    } catch (IOException e) {
      throw kept(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (IOException e) {
      throw kept(e);
    }
  }

  private IOException kept(IOException e) {
    if (failure == null) failure = e;
    return e;
  }
}
