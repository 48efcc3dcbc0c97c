package io.crawlpipe.crawler.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * The three framings of an HTTP/1.1 response body (RFC 9112 §6.3), each an InputStream over its
 * {@link Http1Connection}'s buffer and socket: {@link FixedLength}, {@link Chunked} and {@link
 * UntilClose}; and {@link Undecodable}, a body in a transfer coding none of them reads. Each tells
 * the connection when the body has ended, which is when the connection may carry another request.
 * Used by the one thread of the exchange; not thread-safe.
 */
final class Http1Bodies {
  private Http1Bodies() {}

  /** A body of a known length; a connection that ends before it is an EOFException. */
  static final class FixedLength extends Body {
    private final long length;
    private long remaining;

    FixedLength(Http1Connection connection, long length) {
      super(connection);
      this.length = length;
      remaining = length;
      if (length == 0) connection.bodyEnded();
    }

    /** The body's whole length, as framed. */
    long length() {
      return length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) return -1;
      int n = connection.readRaw(b, off, (int) Math.min(len, remaining));
      if (n < 0) throw new EOFException("connection closed with " + remaining + " bytes of the body unread");
      remaining -= n;
      if (remaining == 0) connection.bodyEnded();
      return n;
    }

    @Override
    void skipAvailable(long limit) throws IOException {
      if (length > limit) return;
      for (int n; remaining > 0 && (n = connection.skipAvailable(remaining)) > 0; ) {
        remaining -= n;
        if (remaining == 0) connection.bodyEnded();
      }
    }
  }

  /** A body in chunks (RFC 9112 §7.1): extensions ignored, trailer fields read and dropped. */
  static final class Chunked extends Body {
    private static final long AFTER_CHUNK = 0; // the CRLF after a chunk's data comes next
    private static final long SIZE_LINE = -1;
    private static final long TRAILER = -2; // the trailer's lines, up to an empty one
    private long inChunk = SIZE_LINE; // > 0: bytes of chunk data left
    private boolean done;
    private final byte[] one = new byte[1];

    Chunked(Http1Connection connection) {
      super(connection);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (inChunk <= 0) {
        if (done) return -1;
        readFraming();
      }
      int n = connection.readRaw(b, off, (int) Math.min(len, inChunk));
      if (n < 0) throw new EOFException("connection closed inside a chunk");
      inChunk -= n;
      return n;
    }

    @Override
    void skipAvailable(long limit) throws IOException {
      for (long skipped = 0; !done; ) {
        if (inChunk > 0) {
          int n = skipped > limit ? 0 : connection.skipAvailable(inChunk);
          if (n <= 0) return;
          inChunk -= n;
          skipped += n;
        } else {
          if (!connection.lineReady()) return;
          readFraming();
        }
      }
    }

    /** Reads one piece of framing: the CRLF after a chunk, a chunk-size line, or a line of the trailer. */
    private void readFraming() throws IOException {
      if (inChunk == AFTER_CHUNK) {
        readChunkEnd();
        inChunk = SIZE_LINE;
      } else if (inChunk == SIZE_LINE) {
        long size = chunkSize(connection.readChunkSizeLine()); // starts the budget the trailer's lines share
        inChunk = size == 0 ? TRAILER : size;
      } else if (connection.readTrailerLine().isEmpty()) { // a trailer field: dropped
        done = true;
        connection.bodyEnded();
      }
    }

    /**
     * Reads the CR LF (or bare LF) that ends a chunk's data. Any other byte fails at once, so a
     * chunk longer than its size line said is not read on as a line of up to 256 KiB.
     */
    private void readChunkEnd() throws IOException {
      int b = readFramingByte();
      if (b == '\r') b = readFramingByte();
      if (b != '\n') throw new ProtocolException("chunk not followed by CRLF");
    }

    private int readFramingByte() throws IOException {
      if (connection.readRaw(one, 0, 1) < 0) throw new EOFException("connection closed inside the chunked body");
      return one[0];
    }

    /**
     * The size a chunk-size line gives: {@code 1*HEXDIG} first (leading zeros allowed, at most 15
     * digits after them), then only spaces or tabs before the end or the {@code ;} of an extension
     * (RFC 9112's BWS). Anything else, before the digits too, is a ProtocolException quoting the
     * line; an empty line is named so.
     */
    private static long chunkSize(String line) throws ProtocolException {
      int end = line.indexOf(';');
      if (end < 0) end = line.length();
      while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) end--;
      long size = end == 0 ? -1 : 0;
      for (int i = 0; i < end && size >= 0; i++) {
        int digit = Character.digit(line.charAt(i), 16);
        size = digit >= 0 && size < 1L << 56 ? size * 16 + digit : -1;
      }
      if (size < 0) {
        throw new ProtocolException("invalid chunk size: " + (line.isEmpty() ? "(empty line)" : ResponseHead.printable(line)));
      }
      return size;
    }
  }

  /** A body that ends when the server closes the connection, which then cannot be reused. */
  static final class UntilClose extends Body {
    UntilClose(Http1Connection connection) {
      super(connection);
      connection.endsWithConnection();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = connection.readRaw(b, off, len);
      if (n < 0) connection.bodyEnded();
      return n;
    }
  }

  /**
   * A body in a transfer coding this client does not decode ({@code gzip, chunked}): reading it is
   * a ProtocolException saying so. Its end cannot be found, so the connection is not reused; a
   * body never read (a redirect's, a non-text type's) costs only that.
   */
  static final class Undecodable extends Body {
    private final String problem;

    Undecodable(Http1Connection connection, String problem) {
      super(connection);
      this.problem = problem;
      connection.endsWithConnection();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throw new ProtocolException(problem);
    }
  }

  /** What the three share: their connection, and a one-byte read made from the bulk read. */
  abstract static class Body extends InputStream {
    final Http1Connection connection;

    Body(Http1Connection connection) {
      this.connection = connection;
    }

    /**
     * Reads and drops what of the body has arrived, never waiting for more, and at most about
     * {@code limit} bytes: the body ends here (and the connection may be reused) only if all of it
     * had arrived. A body that ends with the connection is left as it is.
     */
    void skipAvailable(long limit) throws IOException {}

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }
  }
}
