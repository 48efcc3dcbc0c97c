package io.crawlpipe.crawler.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * A URL list's bytes as the reader wants them: as they are for a text list, gunzipped for one
 * that starts with gzip's magic number ({@code urls.txt.gz}, or {@code curl -s LIST.gz | ./crawl
 * -}; concatenated gzip members are read one after the other). A list in another compressed or
 * archive format (bzip2, xz, zstd, zip), or with a NUL byte near its start (a binary file, {@code
 * /dev/zero}), is refused with an {@link UnreadableList} naming the problem, rather than read as
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
    if (startsWith(head, 0x1f, 0x8b)) return new NoReadAhead(new GZIPInputStream(buffered, BUFFER));
    String format = otherFormat(head);
    if (format != null) {
      throw new UnreadableList("it is " + format + "; crawlpipe reads a text list, plain or gzip-compressed");
    }
    return buffered;
  }

  /**
   * The list in {@code in} as characters ({@link #open} first): UTF-8, or UTF-16 when it starts
   * with a UTF-16 byte-order mark (a list saved as "Unicode" by Windows Notepad). Bytes that are
   * not valid read as U+FFFD. Refuses a list with a NUL byte in what its first read returns (up to
   * 8,000 bytes, as git looks for binary files; one read, so a slow pipe is not waited for).
   */
  static Reader reader(InputStream in) throws IOException {
    PushbackInputStream bytes = new PushbackInputStream(open(in), TEXT_CHECK_BYTES);
    byte[] head = new byte[TEXT_CHECK_BYTES];
    int n = Math.max(0, bytes.read(head));
    bytes.unread(head, 0, n);
    if (n >= 2 && (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff))) {
      return new InputStreamReader(bytes, StandardCharsets.UTF_16);
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new UnreadableList("it is not text (a NUL byte at offset " + i + "); crawlpipe reads a text list, plain or gzip-compressed");
      }
    }
    return new InputStreamReader(bytes, StandardCharsets.UTF_8);
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
   * Says no byte is ready, so that an {@code InputStreamReader} returns the characters of each
   * read at once instead of reading on to fill its buffer (it does while {@code available()} is
   * positive, as a gzip stream's is until its end): a list cut short then fails on a read of its
   * own, and every line before the cut reaches the crawl rather than being lost with that read.
   */
  private static final class NoReadAhead extends FilterInputStream {
    NoReadAhead(InputStream in) {
      super(in);
    }

    @Override
    public int available() {
      return 0;
    }
  }

  /** A list in a format crawlpipe does not read; the message says which. */
  static final class UnreadableList extends IOException {
    UnreadableList(String message) {
      super(message);
    }
  }
}
