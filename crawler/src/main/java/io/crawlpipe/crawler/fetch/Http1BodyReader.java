package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.GzipMembers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an {@link Http1Connection}'s response body for {@link Http1Fetcher}: whole and decoded
 * (gzip) up to a size limit, or, for a redirect, dropped as far as it has arrived, so the
 * connection can be reused. Stateless.
 */
final class Http1BodyReader {
  private static final int FIRST_CHUNK = 16 * 1024;
  private static final int PREALLOCATED = 64 * 1024;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int REDIRECT_BODY_DRAINED = 64 * 1024;

  private Http1BodyReader() {}

  /**
   * The decoded body, read whole unless it passes {@code max} bytes. The array grows as bytes
   * arrive: a declared length only sizes it up to 64 KiB, so a server that declares a large body
   * and stalls holds little memory. A gzip body is judged on its decoded bytes, as OkHttp does,
   * and also on its compressed ones: past {@link #compressedLimit} it is too large whatever it
   * decodes to, so one that decodes to next to nothing (endless empty deflate blocks) cannot be
   * downloaded until the deadline. A gzip body of no bytes at all is an empty body. {@code
   * progress} hears of the decoded bytes read.
   */
  static byte[] read(String url, Http1Connection connection, ResponseHead head, long max, FetchProgress progress)
      throws IOException {
    InputStream raw = connection.body(head);
    long length = declaredLength(raw);
    boolean gzip = isGzip(head) && length != 0;
    long declared = gzip ? -1 : length;
    if (declared > max) throw FetchFailures.tooLarge(url, "declared " + declared, max);
    if (gzip && length > compressedLimit(max)) {
      throw FetchFailures.tooLargeCompressed(url, "declared " + length, compressedLimit(max), max);
    }
    progress.readingBody(declared); // before the gzip header is read: a stall there is in the body
    // Not a byte of gzip is an empty body, as curl and browsers read it (GzipMembers).
    InputStream body = gzip ? new GzipMembers(new Compressed(url, raw, max), FIRST_CHUNK) : raw;
    byte[] data;
    try {
      data = readWhole(url, body, declared, max, progress);
    } catch (GzipMembers.Cut e) {
      throw GzipBodySource.cutShort(e);
    } finally {
      if (gzip) body.close(); // frees its inflater now; closing Compressed leaves the connection as it is
    }
    if (gzip) drain(raw, 0); // reads the end of a chunked body, so the connection can be reused
    return data;
  }

  /** {@code body} read to its end, unless it passes {@code max} bytes; {@code declared}: its length, or -1. */
  private static byte[] readWhole(String url, InputStream body, long declared, long max, FetchProgress progress)
      throws IOException {
    byte[] data = new byte[(int) Math.min(declared >= 0 ? declared : FIRST_CHUNK, Math.min(max + 1, PREALLOCATED))];
    int count = 0;
    while (true) {
      if (count == data.length) {
        int b = body.read(); // one byte more: the end, or a reason to grow
        if (b < 0) break;
        if (count >= max || count >= MAX_ARRAY) throw FetchFailures.tooLarge(url, "more than " + count, max);
        data = Arrays.copyOf(data, (int) Math.min(Math.max(2L * count, FIRST_CHUNK), Math.min(max + 1, MAX_ARRAY)));
        data[count++] = (byte) b;
      } else {
        int n = body.read(data, count, data.length - count);
        if (n < 0) break;
        count += n;
      }
      if (count > max) throw FetchFailures.tooLarge(url, "more than " + max, max);
      progress.bodyRead(count);
    }
    return count == data.length ? data : Arrays.copyOf(data, count);
  }

  /**
   * Drops a redirect's body as far as it has already arrived, without waiting for more, and only
   * when it is framed and at most 64 KiB: then the connection can be reused. A body that has not
   * all arrived, is larger, ends with the connection or breaks off is left, never an error, and
   * the connection is closed on release (its body did not end). The common small redirect body
   * came with the head and is dropped from the buffer without a system call. A malformed framing
   * header is an error, as for any response.
   */
  static void discard(Http1Connection connection, ResponseHead head) throws IOException {
    Http1Bodies.Body body = connection.body(head);
    try {
      body.skipAvailable(REDIRECT_BODY_DRAINED);
    } catch (IOException e) {
      // Best effort: the body did not end, so the connection is not reused.
    }
  }

  /**
   * The most compressed bytes a gzip body of at most {@code max} decoded bytes is read for: 1/8
   * more, plus 1 KiB. Deflate makes incompressible data longer by far less (zlib: 5 bytes per
   * 64 KiB stored block; fixed Huffman codes: about 6%), and gzip's header and trailer take 18
   * bytes, more only with a file name or comment.
   */
  static long compressedLimit(long max) {
    return max + max / 8 + 1024;
  }

  /**
   * The compressed bytes under a gzip body, counted: past {@link #compressedLimit} the body is too
   * large. Closing it does nothing: the connection's body is released with the connection.
   */
  private static final class Compressed extends InputStream {
    private final String url;
    private final InputStream raw;
    private final long max;
    private final long limit;
    private long count;

    Compressed(String url, InputStream raw, long max) {
      this.url = url;
      this.raw = raw;
      this.max = max;
      this.limit = compressedLimit(max);
    }

    @Override
    public int read() throws IOException {
      int b = raw.read();
      if (b >= 0) counted(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = raw.read(b, off, len);
      if (n > 0) counted(n);
      return n;
    }

    private void counted(int n) throws FetchException {
      count += n;
      if (count > limit) throw FetchFailures.tooLargeCompressed(url, "more than " + limit, limit, max);
    }
  }

  /** True when the body is in gzip, once ({@link ContentCodings#isGzip}), which {@link #read} decodes. */
  static boolean isGzip(ResponseHead head) {
    return ContentCodings.isGzip(head.header("content-encoding"));
  }

  /** The length of a body {@link Http1Connection#body} framed by length (0 for 204 and 304), else -1. */
  private static long declaredLength(InputStream body) {
    return body instanceof Http1Bodies.FixedLength fixed ? fixed.length() : -1;
  }

  /** Reads and drops up to {@code limit} bytes and the end of the stream, if it comes by then. */
  private static void drain(InputStream body, int limit) throws IOException {
    byte[] skip = new byte[Math.max(1, Math.min(limit, 8192))];
    for (int total = 0; total <= limit; ) {
      int n = body.read(skip, 0, skip.length);
      if (n < 0) return;
      total += n;
    }
  }
}
