package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.FailureKeptStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A gzip body decoded as {@link Http1BodyReader} decodes one, by the JDK's {@link
 * GZIPInputStream}: a body of no bytes at all is an empty body (as curl and browsers read it;
 * okio's {@code GzipSource} fails on it), a body of several gzip members is decoded whole and
 * bytes after the last are ignored (okio's fails on both), and a failure of the gzip data itself
 * reads as {@code http1}'s: a {@link java.util.zip.ZipException} or an {@link EOFException}
 * whose message {@link FetchFailures} puts in plain words. A failure of the body's transfer (a
 * timeout, the connection cut) passes as it is. One reader at a time.
 */
final class GzipBodySource implements Source {
  private static final int HEADER_BYTES = 10;
  private static final int CHUNK = 8192;

  private final BufferedSource compressed;
  private FailureKeptStream watched; // the compressed bytes: a failure of their transfer is not the data's
  private InputStream gzip;
  private byte[] chunk;
  private boolean empty;

  /**
   * True when a {@code Content-Encoding} value (null: none) says gzip, once: read as a comma list
   * (repeated header lines joined with commas), {@code identity} and empty elements dropped, what
   * is left is one {@code gzip}, or {@code x-gzip}, which RFC 9110 asks recipients to read as gzip
   * (old Apache set-ups send it). Any other list ({@code gzip, gzip}, {@code br}) is false: such a
   * body is kept as sent.
   */
  static boolean isGzipCoding(String contentEncoding) {
    if (contentEncoding == null) return false;
    String coding = null;
    for (String part : contentEncoding.split(",")) {
      String element = part.strip();
      if (element.isEmpty() || element.equalsIgnoreCase("identity")) continue;
      if (coding != null) return false; // a second coding: not decoded here
      coding = element;
    }
    return coding != null && (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip"));
  }

  GzipBodySource(BufferedSource compressed) {
    this.compressed = compressed;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (empty) return -1;
    if (gzip == null) {
      if (!compressed.request(1)) {
        empty = true; // not a byte: an empty body
        return -1;
      }
      if (!compressed.request(HEADER_BYTES)) throw new EOFException("gzip body ends inside its header");
      watched = new FailureKeptStream(compressed.inputStream());
      gzip = new GZIPInputStream(watched, CHUNK);
      chunk = new byte[CHUNK];
    }
    int n;
    try {
      n = gzip.read(chunk, 0, (int) Math.min(byteCount, CHUNK));
    } catch (EOFException e) {
      if (e == watched.failure() || e.getMessage() != null) throw e; // the transfer's, or the data's in words
      throw new EOFException("gzip body ends inside its trailer"); // GZIPInputStream's says nothing
    }
    if (n < 0) return ended();
    sink.write(chunk, 0, n);
    return n;
  }

  /**
   * The end of the gzip data, once the transfer is known not to have failed there: looking for
   * another member after each one, GZIPInputStream takes any failure for the end of the data (a
   * deadline, a connection cut between members). And as {@code http1} reads on after the last
   * member, a transfer that breaks off right there fails too; bytes after the end are ignored.
   */
  private long ended() throws IOException {
    if (watched.failure() != null) throw watched.failure();
    compressed.exhausted();
    return -1;
  }

  @Override
  public Timeout timeout() {
    return compressed.timeout();
  }

  @Override
  public void close() throws IOException {
    if (gzip != null) gzip.close(); // closes the compressed source too, and frees the inflater
    else compressed.close();
  }
}
