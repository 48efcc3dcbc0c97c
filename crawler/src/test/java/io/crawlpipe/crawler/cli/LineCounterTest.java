package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The quick count of a list's URL lines behind the progress line's total. */
@Timeout(60)
class LineCounterTest {
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  /** Threads whose uncaught throwable the test sees, instead of a stack trace on stderr. */
  private final ThreadFactory recorded = task -> {
    Thread thread = Thread.ofPlatform().daemon().uncaughtExceptionHandler((t, e) -> uncaught.add(e)).unstarted(task);
    threads.add(thread);
    return thread;
  };

  /** Counts {@code list} to its end. */
  private long count(ListInput.Opener list) throws InterruptedException {
    LineCounter counter = LineCounter.start(list, recorded);
    for (Thread thread : threads) thread.join();
    return counter.count();
  }

  private static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} bytes of {@code a}, made as they are read: no array of that size anywhere. */
  private static InputStream as(long n) {
    return new InputStream() {
      private long left = n;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) {
        if (left <= 0) return -1;
        int chunk = (int) Math.min(length, left);
        Arrays.fill(bytes, offset, offset + chunk, (byte) 'a');
        left -= chunk;
        return chunk;
      }
    };
  }

  /** Run with a 64 MB heap (the small-heap tag): a line held whole would take 400 MB. */
  @Test
  @Tag("small-heap")
  void aLineOfHundredsOfMegabytesIsCountedWithoutHoldingIt() throws InterruptedException {
    long count = count(() -> new SequenceInputStream(Collections.enumeration(List.of(
        text("http://127.0.0.1/ok/1\n"), as(200_000_000L), text("\n# a comment\nhttp://127.0.0.1/ok/2")))));
    assertThat(uncaught).isEmpty();
    assertThat(count).isEqualTo(3);
  }

  @Test
  void aFailureWhileCountingLeavesTheTotalUnknownWithoutAStackTrace() throws InterruptedException {
    long count = count(() -> new InputStream() {
      @Override
      public int read() {
        throw new OutOfMemoryError("Java heap space");
      }
    });
    assertThat(uncaught).isEmpty();
    assertThat(count).isEqualTo(-1);
  }

  /** Blank and comment lines as the crawl's reader trims them: no-break spaces and formatting characters too. */
  @Test
  void theLinesCountedAreTheLinesTheCrawlReadsAsUrls() throws InterruptedException {
    String list = "\ufeffhttp://a/\r\n\r\n  # indented comment\n\u00a0\u00a0\n\u200b\n\t\u00a0#also a comment\r"
        + "\u2007http://b/\u202f\rnot a url\n#\nhttp://a/";
    assertThat(count(() -> text(list))).isEqualTo(4);
    assertThat(uncaught).isEmpty();
  }
}
