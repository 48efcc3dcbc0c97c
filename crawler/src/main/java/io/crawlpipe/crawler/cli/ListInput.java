package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.GzipMembers;
import io.crawlpipe.crawler.ListEncoding;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A URL list's bytes as the reader wants them: as they are for a text list, gunzipped for one
 * that starts with gzip's magic number ({@code urls.txt.gz}, or {@code curl -s LIST.gz | ./crawl
 * -}; concatenated gzip members, however many, are read one after the other, and a failed read of
 * the compressed bytes is never taken for the list's end: {@link GzipMembers}). A list in another compressed or
 * archive format (bzip2, xz, zstd, zip), in UTF-32, or with a NUL byte near its start (a binary
 * file, {@code /dev/zero}), is refused with an {@link UnreadableList} naming the problem, rather than read as
 * lines of junk that would each become an {@code invalid_url} result, or read for ever.
 */
final class ListInput {
  private static final int BUFFER = 64 * 1024;
  private static final int MAGIC_BYTES = 6;
  private static final int TEXT_CHECK_BYTES = 8_000;

  private ListInput() {}

  /** The list in {@code in} with its format known; reads its first bytes (blocking on a pipe until they come). */
  static InputStream open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(MAGIC_BYTES);
    byte[] head = buffered.readNBytes(MAGIC_BYTES);
    buffered.reset();
    if (startsWith(head, 0x1f, 0x8b)) return new GzipMembers(buffered, BUFFER);
    String format = otherFormat(head);
    if (format != null) {
      throw new UnreadableList("it is " + format + "; crawlpipe reads a text list, plain or gzip-compressed");
    }
    return buffered;
  }

  /**
   * The list in {@code in} as characters ({@link #open} first): UTF-8, or UTF-16 when it starts
   * with a UTF-16 byte-order mark (a list saved as "Unicode" by Windows Notepad; see {@link
   * Utf16Reader}). Bytes that are not valid, and each unpaired surrogate, read as U+FFFD. Refuses a
   * list that starts with a UTF-32 byte-order mark ({@code FF FE 00 00}, which begins as UTF-16's
   * little-endian one, is read on until its four bytes are in), and one with a NUL byte in what its
   * first read returns (up to 8,000 bytes, as git looks for binary files; one read, so a slow pipe
   * is not waited for). Reads its first bytes now.
   */
  static Reader reader(InputStream in) throws IOException {
    InputStream bytes = open(in);
    byte[] head = new byte[TEXT_CHECK_BYTES];
    int n = Math.max(0, bytes.read(head));
    if (n == 1) n += Math.max(0, bytes.read(head, 1, head.length - 1)); // a byte-order mark is two
    if (n < 4 && startsWith(head, 0xff, 0xfe)) n = readUpTo(bytes, head, n, 4); // or UTF-32's four
    if (n >= 4 && (startsWith(head, 0xff, 0xfe, 0, 0) || startsWith(head, 0, 0, 0xfe, 0xff))) {
      throw new UnreadableList("it is UTF-32 text; crawlpipe reads a list in UTF-8 or UTF-16, plain or gzip-compressed");
    }
    InputStream replayed = new Replay(head, n, bytes);
    if (n >= 2 && (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff))) {
      replayed.skipNBytes(2); // the byte-order mark, from the head
      return new Utf16Reader(replayed, head[0] == (byte) 0xfe);
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new UnreadableList("it is not text (a NUL byte at offset " + i + "); crawlpipe reads a text list, plain or gzip-compressed");
      }
    }
    return new InputStreamReader(replayed, StandardCharsets.UTF_8);
  }

  /**
   * As {@link #reader}, but reading nothing until it is first read: for a list on a pipe, whose
   * first bytes may come late, so that the run's lock, signal handlers and {@code --max-time}
   * clock are set up before it waits for them. A list refused then fails that first read.
   */
  static Reader onFirstRead(InputStream in) {
    return onFirstRead(() -> in, in);
  }

  /** Opens a list's stream; for {@link #onFirstOpen}. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * As {@link #onFirstRead(InputStream)} for a list that is not even opened until then: opening a
   * named pipe waits for a process to open it for writing.
   */
  static Reader onFirstOpen(Opener opener) {
    return onFirstRead(opener, null);
  }

  /** {@code unopened} is closed when the reader is closed before its first read (null: nothing to close). */
  private static Reader onFirstRead(Opener opener, InputStream unopened) {
    return new Deferred(opener, unopened);
  }

  /**
   * The reader {@link #onFirstRead} returns. One thread reads and closes it; its {@link
   * #encoding} may be asked from any.
   */
  private static final class Deferred extends Reader implements ListEncoding {
    private final Opener opener;
    private final InputStream unopened;
    private Reader reader;
    private volatile Charset encoding = StandardCharsets.UTF_8;

    Deferred(Opener opener, InputStream unopened) {
      this.opener = opener;
      this.unopened = unopened;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
      if (reader == null) {
        reader = reader(opener.open());
        encoding = ListEncoding.of(reader);
      }
      return reader.read(chars, offset, length);
    }

    @Override
    public Charset encoding() {
      return encoding;
    }

    @Override
    public void close() throws IOException {
      if (reader != null) reader.close();
      else if (unopened != null) unopened.close();
    }
  }

  /** Reads into {@code head} after its first {@code n} bytes until it holds {@code wanted} or the stream ends; the count. */
  private static int readUpTo(InputStream in, byte[] head, int n, int wanted) throws IOException {
    while (n < wanted) {
      int read = in.read(head, n, head.length - n);
      if (read < 0) break;
      n += read;
    }
    return n;
  }

  private static String otherFormat(byte[] head) {
    if (startsWith(head, 'B', 'Z', 'h')) return "bzip2-compressed";
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) return "xz-compressed";
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) return "zstd-compressed";
    if (startsWith(head, 'P', 'K', 0x03, 0x04)) return "a zip archive";
    return null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) return false;
    }
    return true;
  }

  /**
   * The bytes read for the checks, then the rest of the stream. Each read returns what one read of
   * either gives, and it says no byte is ready, so that an {@code InputStreamReader} hands over the
   * characters of each read at once instead of reading on to fill its buffer (it does while {@code
   * available()} is positive, as a gzip stream's is until its end): a list cut short then fails on
   * a read of its own, and every line before the cut reaches the crawl rather than being lost with
   * the characters of that read.
   */
  private static final class Replay extends InputStream {
    private final byte[] head;
    private final int limit;
    private final InputStream rest;
    private int position;

    Replay(byte[] head, int limit, InputStream rest) {
      this.head = head;
      this.limit = limit;
      this.rest = rest;
    }

    @Override
    public int read() throws IOException {
      return position < limit ? head[position++] & 0xff : rest.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (position >= limit) return rest.read(bytes, offset, length);
      int n = Math.min(length, limit - position);
      System.arraycopy(head, position, bytes, offset, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public void close() throws IOException {
      rest.close();
    }
  }

  /** A list in a format crawlpipe does not read; the message says which. */
  static final class UnreadableList extends IOException {
    UnreadableList(String message) {
      super(message);
    }
  }
}
