package io.crawlpipe.crawler.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.Source;
import okio.Timeout;

/**
 * A gzip body decoded as {@link Http1BodyReader} decodes one: a body of no bytes at all is an
 * empty body (as curl and browsers read it; okio's {@link GzipSource} fails on it), and a failure
 * of the gzip data itself says so: a {@link ZipException} whose message {@link FetchFailures} puts
 * in plain words, or an {@link EOFException} saying where the data ends early. A failure of the
 * body's transfer (a timeout, the connection cut) passes as it is. One reader at a time.
 */
final class GzipBodySource implements Source {
  private static final int HEADER_BYTES = 10;

  private final BufferedSource compressed;
  private final Watched watched;
  private GzipSource gzip;
  private boolean empty;
  private long decoded;

  /**
   * True when a {@code Content-Encoding} value (null: none) says gzip: {@code gzip}, or {@code
   * x-gzip}, which RFC 9110 asks recipients to read as gzip (old Apache set-ups send it).
   */
  static boolean isGzipCoding(String contentEncoding) {
    if (contentEncoding == null) return false;
    String coding = contentEncoding.strip();
    return coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip");
  }

  GzipBodySource(BufferedSource compressed) {
    this.compressed = compressed;
    this.watched = new Watched(compressed);
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
      gzip = new GzipSource(watched);
    }
    try {
      long n = gzip.read(sink, byteCount);
      if (n > 0) decoded += n;
      return n;
    } catch (IOException e) {
      if (e == watched.failure) throw e; // the transfer's, not the gzip data's
      throw gzipFailure(e);
    }
  }

  /** okio's failure of the gzip data, as the JDK's GZIPInputStream types it. */
  private IOException gzipFailure(IOException e) {
    if (e instanceof EOFException) {
      if (e.getMessage() == null) {
        return new EOFException(decoded > 0 ? "gzip body ends inside its trailer" : "gzip body ends inside its header or trailer");
      }
      return new EOFException(FetchFailures.GZIP_DATA_CUT);
    }
    ZipException zip = new ZipException(e.getMessage());
    zip.initCause(e);
    return zip;
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

  /** The compressed bytes, remembering the failure of their transfer, so that it is not taken for the data's. */
  private static final class Watched extends ForwardingSource {
    private IOException failure;

    Watched(Source delegate) {
      super(delegate);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      try {
        return super.read(sink, byteCount);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
