package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.GzipMembers;
import java.io.EOFException;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A gzip body decoded as {@link Http1BodyReader} decodes one, by {@link GzipMembers}: a body of
 * no bytes at all is an empty body (as curl and browsers read it; okio's {@code GzipSource} fails
 * on it), a body of several gzip members, however many, is decoded whole and bytes after the last
 * that are not another member are ignored (okio's fails on both), and a failure of the gzip data
 * itself, a cut inside a later member's header too, reads as {@code http1}'s: a {@link
 * java.util.zip.ZipException} or an {@link EOFException} whose message {@link FetchFailures} puts
 * in plain words. A failure of the body's transfer (a timeout, the connection
 * cut), also between members or right after the last, passes as it is. One reader at a time.
 */
final class GzipBodySource implements Source {
  private static final int CHUNK = 8192;

  private final BufferedSource compressed;
  private GzipMembers gzip;
  private byte[] chunk;

  /** The words of both clients for a gzip body that ends inside a member's header (any member's) or trailer. */
  static EOFException cutShort(GzipMembers.Cut cut) {
    return new EOFException(cut.inHeader() ? "gzip body ends inside its header" : "gzip body ends inside its trailer");
  }

  GzipBodySource(BufferedSource compressed) {
    this.compressed = compressed;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (gzip == null) {
      gzip = new GzipMembers(compressed.inputStream(), CHUNK);
      chunk = new byte[CHUNK];
    }
    int n;
    try {
      n = gzip.read(chunk, 0, (int) Math.min(byteCount, CHUNK));
    } catch (GzipMembers.Cut e) {
      throw cutShort(e);
    }
    if (n < 0) {
      // As http1 reads on after the last member, a transfer that breaks off right there fails too.
      compressed.exhausted();
      return -1;
    }
    sink.write(chunk, 0, n);
    return n;
  }

  @Override
  public Timeout timeout() {
    return compressed.timeout();
  }

  @Override
  public void close() throws IOException {
    if (gzip != null) gzip.close(); // frees the inflater, and closes the compressed source
    else compressed.close();
  }
}
