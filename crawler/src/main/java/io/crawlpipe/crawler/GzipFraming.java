package io.crawlpipe.crawler;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * For {@link GzipMembers}, its superclass so that no object or call is added per member or byte:
 * the compressed side of gzip data (RFC 1952). It reads the source in reads of up to the buffer's
 * size, takes a member's header (§2.3) and trailer from that buffer byte by byte, and hands the
 * bytes between, the deflate data, to the subclass's inflater in bulk. Its failures are worded as
 * {@link java.util.zip.GZIPInputStream} words them: a header that does not begin with gzip's magic
 * number is a {@link NotGzip}; another compression method or a bad header CRC a {@link
 * ZipException}; data that ends inside a header or a trailer a {@link GzipMembers.Cut}; a failure
 * of the source is thrown as it is. Not thread-safe: one reader at a time.
 */
abstract sealed class GzipFraming extends InputStream permits GzipMembers {
  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int DEFLATE = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  /** Header bytes after the magic number, method and flags: modification time, extra flags, OS. */
  private static final int FIXED_HEADER_REST = 6;

  private final InputStream source;
  private final byte[] buffer;
  private int position; // buffer[position, limit) is read but not yet decoded; once fed, the inflater holds it
  private int limit;

  /** Reads {@code source} (not null), {@code bufferSize} (at least 1) bytes at most at a time; reads nothing yet. */
  GzipFraming(InputStream source, int bufferSize) {
    this.source = Objects.requireNonNull(source, "source");
    if (bufferSize < 1) throw new IllegalArgumentException("gzip buffer size must be at least 1, was " + bufferSize);
    this.buffer = new byte[bufferSize];
  }

  /**
   * Reads a member's header, its bytes counted in {@code crc} (reset first) for its optional header
   * CRC, up to its deflate data. False when the source ends before the header's first byte.
   */
  final boolean readHeader(CRC32 crc) throws IOException {
    int first = nextByte();
    if (first < 0) return false;
    crc.reset();
    crc.update(first);
    if (first != MAGIC_1 || headerByte(crc) != MAGIC_2) throw new NotGzip();
    if (headerByte(crc) != DEFLATE) throw new ZipException("Unsupported compression method");
    int flags = headerByte(crc);
    skipHeaderBytes(FIXED_HEADER_REST, crc);
    if ((flags & FEXTRA) != 0) skipHeaderBytes(headerByte(crc) | headerByte(crc) << 8, crc);
    if ((flags & FNAME) != 0) skipZeroTerminated(crc);
    if ((flags & FCOMMENT) != 0) skipZeroTerminated(crc);
    if ((flags & FHCRC) != 0) {
      int expected = (int) crc.getValue() & 0xffff;
      if ((headerByte(crc) | headerByte(crc) << 8) != expected) throw new ZipException("Corrupt GZIP header");
    }
    return true;
  }

  /** Hands the bytes read but not yet decoded to {@code inflater}, which now holds them. */
  final void feed(Inflater inflater) {
    if (position < limit) inflater.setInput(buffer, position, limit - position);
    position = limit;
  }

  /** Reads the source, all of whose bytes were fed, and feeds {@code inflater}; false at its end. */
  final boolean refill(Inflater inflater) throws IOException {
    if (!fill()) return false;
    inflater.setInput(buffer, 0, limit);
    position = limit;
    return true;
  }

  /** The inflater, at the end of a member's deflate data, left its last {@code remaining} bytes fed: they are read next. */
  final void unfed(int remaining) {
    position = limit - remaining;
  }

  /** The next four bytes, a little-endian unsigned int of a member's trailer. */
  final long readTrailerInt() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      int b = nextByte();
      if (b < 0) throw new GzipMembers.Cut(false);
      value |= (long) b << shift;
    }
    return value;
  }

  final void closeSource() throws IOException {
    source.close();
  }

  private void skipZeroTerminated(CRC32 crc) throws IOException {
    while (headerByte(crc) != 0) {
      // a file name or comment: not used
    }
  }

  private void skipHeaderBytes(int count, CRC32 crc) throws IOException {
    while (count > 0) {
      if (position == limit && !fill()) throw new GzipMembers.Cut(true);
      int n = Math.min(count, limit - position);
      crc.update(buffer, position, n);
      position += n;
      count -= n;
    }
  }

  /** The header's next byte, counted in its CRC. */
  private int headerByte(CRC32 crc) throws IOException {
    int b = nextByte();
    if (b < 0) throw new GzipMembers.Cut(true);
    crc.update(b);
    return b;
  }

  /** The next undecoded byte, or -1 at the end of the source. */
  private int nextByte() throws IOException {
    if (position == limit && !fill()) return -1;
    return buffer[position++] & 0xff;
  }

  /** Reads the source into the buffer, whose bytes have all been used; false at its end. */
  private boolean fill() throws IOException {
    int n;
    do {
      n = source.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) return false;
    position = 0;
    limit = n;
    return true;
  }

  /** Bytes that do not begin with gzip's magic number, worded as {@code GZIPInputStream} words them. */
  static final class NotGzip extends ZipException {
    NotGzip() {
      super("Not in GZIP format");
    }
  }
}
