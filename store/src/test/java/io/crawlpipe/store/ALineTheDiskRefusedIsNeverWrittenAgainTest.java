package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A write a full disk cut short (part of the line taken, then ENOSPC) leaves the refused line's
 * bytes in the sink's buffer: neither a later write nor close() may send them again, or the file
 * would hold the cut line with the whole line glued to it once space came back.
 */
class ALineTheDiskRefusedIsNeverWrittenAgainTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

  @Test
  void aStreamTheCallerOwnsGetsNothingAfterTheCutLine() {
    DiskFullOnce disk = new DiskFullOnce(2);
    JsonLinesSink sink = JsonLinesSink.to(disk, "r.jsonl.partial");
    sink.write(ok(1));
    assertThatThrownBy(() -> sink.write(ok(2))).isInstanceOf(StoreException.class)
        .hasMessage("cannot write results to r.jsonl.partial: No space left on device");
    assertThatThrownBy(() -> sink.write(ok(3))).isInstanceOf(StoreException.class)
        .hasMessage("cannot write results to r.jsonl.partial: No space left on device")
        .hasCause(disk.refusal);
    assertThatThrownBy(sink::close).isInstanceOf(StoreException.class)
        .hasMessage("cannot finish results file r.jsonl.partial: No space left on device");
    assertThat(disk.text()).isEqualTo(line(1) + line(2).substring(0, 20));
    assertThat(disk.closed).isFalse();
  }

  @Test
  void anOwnedStreamAsAnAppendedFileIsClosedWithoutFlushingTheRefusedLine() {
    DiskFullOnce disk = new DiskFullOnce(1);
    JsonLinesSink sink = JsonLinesSink.owning(disk, "r.jsonl");
    assertThatThrownBy(() -> sink.write(ok(1))).isInstanceOf(StoreException.class);
    assertThatThrownBy(sink::close).isInstanceOf(StoreException.class)
        .hasMessage("cannot finish results file r.jsonl: No space left on device");
    assertThat(disk.text()).isEqualTo(line(1).substring(0, 20));
    assertThat(disk.closed).isTrue();
  }

  private static CrawlResult ok(int n) {
    String url = "http://h/" + n;
    return new CrawlResult(url, url, 200, true, "text/html", 10, "t", "UTF-8", AT, 5, 1, null, null);
  }

  private static String line(int n) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(bytes, "line")) {
      sink.write(ok(n));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Takes the first 20 bytes of write number {@code failing} and throws; accepts everything else. */
  private static final class DiskFullOnce extends OutputStream {
    final IOException refusal = new IOException("No space left on device");
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private final int failing;
    private int writes;
    boolean closed;

    DiskFullOnce(int failing) {
      this.failing = failing;
    }

    @Override
    public void write(int b) {
      taken.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (++writes == failing) {
        taken.write(b, off, Math.min(20, len));
        throw refusal;
      }
      taken.write(b, off, len);
    }

    @Override
    public void close() {
      closed = true;
    }

    String text() {
      return taken.toString(StandardCharsets.UTF_8);
    }
  }
}
