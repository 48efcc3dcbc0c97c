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
 * taken from that buffer (the source, and each member's header and trailer, are read by its
 * superclass {@code GzipFraming}). Not thread-safe: one reader at a time. Closing it frees the
 * inflater and closes the source; the inflater is also freed once the data has ended.
 */
public final class GzipMembers extends GzipFraming {
  private enum State { FIRST_HEADER, DATA, ENDED }

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] single = new byte[1];
  private State state = State.FIRST_HEADER;
  private boolean closed;

  /** Decodes {@code source} (not null), read {@code bufferSize} (at least 1) bytes at most at a time; reads nothing yet. */
  public GzipMembers(InputStream source, int bufferSize) {
    super(source, bufferSize);
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
    closeSource();
  }

  /**
   * Checks the trailer of the member whose data just ended, then starts the next member, if the
   * bytes after it are one; bytes that are not a member's header end the data, but a header cut
   * short is a {@link Cut}. A failure of the source is thrown.
   */
  private void endMember() throws IOException {
    unfed(inflater.getRemaining());
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
    if (!readHeader(crc)) return false;
    inflater.reset();
    crc.reset(); // now of the member's decoded bytes
    feed(inflater);
    return true;
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
          if (!refill(inflater)) throw new EOFException("Unexpected end of ZLIB input stream");
        }
      }
      crc.update(bytes, offset, n);
      return n;
    } catch (DataFormatException e) {
      throw new ZipException(e.getMessage() != null ? e.getMessage() : "Invalid ZLIB data format");
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
