package io.crawlpipe.crawler;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decoded bytes of gzip data (RFC 1952): its members one after the other, in a loop, so that
 * however many there are the stack does not grow (the JDK's {@link java.util.zip.GZIPInputStream}
 * recurses once per member and overflows on a few thousand empty ones). What it decodes is what
 * {@code GZIPInputStream} decodes, but for a later member's header that is cut or bad (there it
 * fails as {@code gzip -d} does), and its failures are worded as that class words them:
 * <ul>
 *   <li>a source of no bytes at all decodes to nothing (an empty gzip body, as curl and browsers
 *       read it);
 *   <li>several members are decoded whole, one after the other; bytes after the last member that
 *       are not gzip's magic number (0x1f 0x8b) are ignored, as {@code gzip -d} does; bytes that
 *       start with it begin a member, whose header must be whole and good (a {@link ZipException}
 *       for a corrupt one or another compression method, as {@code gzip -d} fails on it);
 *   <li>data that ends inside a member's header (the first's, or a later one's once its first
 *       byte 0x1f has come: where {@code GZIPInputStream} takes that for the end of the data,
 *       {@code gzip -d} says "unexpected end of file") or inside a member's trailer is a {@link
 *       Cut} (an {@link EOFException} without a message); inside a member's deflate data, an
 *       {@code EOFException} "Unexpected end of ZLIB input stream";
 *   <li>corrupt data is a {@link ZipException}: "Not in GZIP format", "Unsupported compression
 *       method", "Corrupt GZIP header", "Corrupt GZIP trailer", or zlib's words ("invalid block
 *       type").
 * </ul>
 * A failure of the source itself is thrown as it is, wherever it comes, also where the next
 * member is looked for (where {@code GZIPInputStream} takes any failure for the end of the data):
 * a transfer that breaks off between members is never taken for the end of the data.
 *
 * <p>Reads the source in reads of up to the buffer's size and decodes in bulk; header bytes are
 * taken from that buffer. Not thread-safe: one reader at a time. Closing it frees the inflater and
 * closes the source; the inflater is also freed once the data has ended.
 */
public final class GzipMembers extends InputStream {
  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int DEFLATE = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  /** Header bytes after the magic number, method and flags: modification time, extra flags, OS. */
  private static final int FIXED_HEADER_REST = 6;

  private enum State { FIRST_HEADER, DATA, ENDED }

  private final InputStream source;
  private final byte[] buffer;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] single = new byte[1];
  private int position; // buffer[position, limit) is read but not yet decoded; in DATA, the inflater holds it
  private int limit;
  private State state = State.FIRST_HEADER;
  private boolean closed;

  /** Decodes {@code source} (not null), read {@code bufferSize} (at least 1) bytes at most at a time; reads nothing yet. */
  public GzipMembers(InputStream source, int bufferSize) {
    this.source = Objects.requireNonNull(source, "source");
    if (bufferSize < 1) throw new IllegalArgumentException("gzip buffer size must be at least 1, was " + bufferSize);
    this.buffer = new byte[bufferSize];
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  /** Decoded bytes, at least one unless {@code length} is 0; -1 once the data has ended. Blocks on the source. */
  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (closed) throw new IOException("Stream closed");
    if (length == 0) return 0;
    while (state != State.ENDED) {
      if (state == State.FIRST_HEADER) {
        state = header() ? State.DATA : ended(); // not a byte at all: nothing to decode
      } else {
        int n = inflate(bytes, offset, length);
        if (n > 0) return n;
        endMember();
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    state = State.ENDED;
    inflater.end();
    source.close();
  }

  /**
   * Checks the trailer of the member whose data just ended, then starts the next member, if the
   * bytes after it are one; bytes that are not a member's header end the data, but a header cut
   * short is a {@link Cut}. A failure of the source is thrown.
   */
  private void endMember() throws IOException {
    position = limit - inflater.getRemaining();
    long expectedCrc = crc.getValue();
    long expectedSize = inflater.getBytesWritten() & 0xffffffffL;
    if (readTrailerInt() != expectedCrc || readTrailerInt() != expectedSize) {
      throw new ZipException("Corrupt GZIP trailer");
    }
    boolean another;
    try {
      another = header();
    } catch (NotGzip notAMember) {
      another = false; // bytes after the last member: ignored (not a Cut, nor a bad header: those began a member)
    }
    state = another ? State.DATA : ended();
  }

  private State ended() {
    inflater.end();
    return State.ENDED;
  }

  /**
   * Reads a member's header and readies the inflater for its data. False when the source ends
   * before the header's first byte.
   */
  private boolean header() throws IOException {
    int first = nextByte();
    if (first < 0) return false;
    crc.reset(); // of the header's bytes, for its optional header CRC
    crc.update(first);
    if (first != MAGIC_1 || headerByte() != MAGIC_2) throw new NotGzip();
    if (headerByte() != DEFLATE) throw new ZipException("Unsupported compression method");
    int flags = headerByte();
    skipHeaderBytes(FIXED_HEADER_REST);
    if ((flags & FEXTRA) != 0) skipHeaderBytes(headerByte() | headerByte() << 8);
    if ((flags & FNAME) != 0) skipZeroTerminated();
    if ((flags & FCOMMENT) != 0) skipZeroTerminated();
    if ((flags & FHCRC) != 0) {
      int expected = (int) crc.getValue() & 0xffff;
      if ((headerByte() | headerByte() << 8) != expected) throw new ZipException("Corrupt GZIP header");
    }
    inflater.reset();
    crc.reset(); // now of the member's decoded bytes
    if (position < limit) inflater.setInput(buffer, position, limit - position);
    position = limit;
    return true;
  }

  private void skipZeroTerminated() throws IOException {
    while (headerByte() != 0) {
      // a file name or comment: not used
    }
  }

  private void skipHeaderBytes(int count) throws IOException {
    while (count > 0) {
      if (position == limit && !fill()) throw new Cut(true);
      int n = Math.min(count, limit - position);
      crc.update(buffer, position, n);
      position += n;
      count -= n;
    }
  }

  /** The header's next byte, counted in its CRC. */
  private int headerByte() throws IOException {
    int b = nextByte();
    if (b < 0) throw new Cut(true);
    crc.update(b);
    return b;
  }

  private long readTrailerInt() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      int b = nextByte();
      if (b < 0) throw new Cut(false);
      value |= (long) b << shift;
    }
    return value;
  }

  /** The next undecoded byte, or -1 at the end of the source. */
  private int nextByte() throws IOException {
    if (position == limit && !fill()) return -1;
    return buffer[position++] & 0xff;
  }

  /**
   * Decodes into {@code bytes}, reading the source as the inflater needs it: the number of bytes
   * decoded, or 0 once the member's deflate data has ended.
   */
  private int inflate(byte[] bytes, int offset, int length) throws IOException {
    try {
      int n;
      while ((n = inflater.inflate(bytes, offset, length)) == 0) {
        if (inflater.finished() || inflater.needsDictionary()) return 0;
        if (inflater.needsInput()) {
          if (!fill()) throw new EOFException("Unexpected end of ZLIB input stream");
          inflater.setInput(buffer, 0, limit);
          position = limit;
        }
      }
      crc.update(bytes, offset, n);
      return n;
    } catch (DataFormatException e) {
      throw new ZipException(e.getMessage() != null ? e.getMessage() : "Invalid ZLIB data format");
    }
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
  private static final class NotGzip extends ZipException {
    NotGzip() {
      super("Not in GZIP format");
    }
  }

  /**
   * The gzip data ends inside a member's header ({@link #inHeader}) or inside a member's trailer.
   * Without a message, as {@code GZIPInputStream} throws it: a reader words it for its input.
   */
  public static final class Cut extends EOFException {
    private final boolean inHeader;

    Cut(boolean inHeader) {
      this.inHeader = inHeader;
    }

    /** True when the data ends inside a member's header (the first or a later one), false inside a trailer. */
    public boolean inHeader() {
      return inHeader;
    }
  }
}
