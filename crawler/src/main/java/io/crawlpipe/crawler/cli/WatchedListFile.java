package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A URL list that is a regular file, as bytes, that says when the file changed while it was read:
 * a list still being written, or one emptied or rewritten during the run. Its size, modification
 * time and file key are noted at the open and looked at again each time a read meets the end of
 * the file (an fstat and a stat; nothing per read before that). If it changed there — it now holds
 * another number of bytes than were read, it held another number at the open, or its
 * modification time moved (a write in place that kept the size; a {@code touch} alone counts too) — that read throws {@link Changed} instead of ending the stream, and so
 * does every later one: the list then ends as one that breaks off does ({@link
 * io.crawlpipe.crawler.UrlSource#readFailure}), and a last line without a line end, which may be
 * a line cut in the middle, is not taken as a URL. An unchanged file whose last line has no line
 * end is read as it is.
 *
 * <p>A file replaced at its path (a rename over it, the atomic way to write a list) is read as it
 * was at the open, to its end: that is not a change. A file whose size the system does not report
 * (0 at the open and at the end, though bytes were read: {@code /proc}) is checked by its
 * modification time only; so is one that reports more than it serves ({@code /sys}: a page). Not thread-safe: one thread reads and closes it.
 */
final class WatchedListFile extends InputStream {
  private final Path path;
  private final FileChannel channel;
  private final long sizeAtOpen;
  private final FileTime modifiedAtOpen;
  private final Object keyAtOpen; // null where the file system has none
  private long read;
  private Changed changed;

  /** The file changed while it was read; the message says how ("it changed while it was read (…)"). */
  static final class Changed extends IOException {
    private final String detail;

    Changed(String detail) {
      super("it changed while it was read (" + detail + ")");
      this.detail = detail;
    }

    /** How it changed, as in "38 bytes at the start, 47 now". */
    String detail() {
      return detail;
    }
  }

  private WatchedListFile(Path path, FileChannel channel, long size, BasicFileAttributes attributes) {
    this.path = path;
    this.channel = channel;
    this.sizeAtOpen = size;
    this.modifiedAtOpen = attributes.lastModifiedTime();
    this.keyAtOpen = attributes.fileKey();
  }

  /** Opens {@code path} (not null) for reading and notes its size, modification time and file key. */
  static WatchedListFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(Objects.requireNonNull(path, "path"), StandardOpenOption.READ);
    try {
      return new WatchedListFile(path, channel, channel.size(), Files.readAttributes(path, BasicFileAttributes.class));
    } catch (IOException | RuntimeException e) {
      try (channel) {
        throw e;
      }
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (changed != null) throw changed;
    if (length == 0) return 0;
    int n = channel.read(ByteBuffer.wrap(bytes, offset, length));
    if (n < 0) {
      changed = change();
      if (changed != null) throw changed;
      return -1;
    }
    read += n;
    return n;
  }

  /** The bytes left to read by the file's size now, as a file's stream says. */
  @Override
  public int available() throws IOException {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
  }

  /** How the file changed since the open, at its end as read; null if it did not. */
  private Changed change() throws IOException {
    long now = channel.size();
    boolean sizeKnown = sizeAtOpen > 0 || now > 0 || read == 0;
    if (sizeKnown && sizeAtOpen != now) return new Changed(sizeAtOpen + " bytes at the start, " + now + " now");
    BasicFileAttributes attributes = attributesIfSameFile();
    boolean unmodified = attributes != null && attributes.lastModifiedTime().equals(modifiedAtOpen);
    // Fewer bytes than the size says, from a file nobody wrote, is a file that reports a size it does
    // not serve (/sys: a page), not a change.
    if (sizeKnown && read != now && !(unmodified && read < now)) {
      return new Changed("rewritten: " + read + " bytes read, " + now + " now");
    }
    if (attributes != null && !unmodified) {
      return new Changed("its modification time changed: written in place or touched, " + now + " bytes as at the start");
    }
    return null;
  }

  /** The attributes of the file at the path if it is still the one opened; null if it is gone or another. */
  private BasicFileAttributes attributesIfSameFile() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return Objects.equals(attributes.fileKey(), keyAtOpen) ? attributes : null;
    } catch (IOException e) {
      return null; // deleted or unreadable now: what was opened is checked by its size alone
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
