package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FailureKeptStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed list's text, which never takes a failed read of the compressed bytes for the
 * list's end. After each member {@link GZIPInputStream} reads on for another and ends the stream on
 * any failure there, so as to ignore bytes after the last member; a failure of the source itself
 * at that point (a list file that changed while it was read, {@link WatchedListFile}; a disk error)
 * is thrown by the read that would have ended the list instead. Bytes after the last member that
 * are not another member are still ignored, as {@code gzip -d} does. Not thread-safe.
 */
final class GunzippedList extends GZIPInputStream {
  private final FailureKeptStream source;

  /**
   * The gunzipped text of {@code source}, whose bytes {@code buffered} reads (it must read {@code
   * source} alone, and may have read some of it already to look at the format).
   */
  GunzippedList(FailureKeptStream source, BufferedInputStream buffered, int size) throws IOException {
    super(buffered, size);
    this.source = source;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int n = super.read(bytes, offset, length);
    if (n < 0 && source.failure() != null) throw source.failure();
    return n;
  }
}
