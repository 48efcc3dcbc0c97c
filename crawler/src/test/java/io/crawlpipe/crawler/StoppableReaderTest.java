package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StoppableReaderTest {

  /** A reader that gives {@code text} and then blocks, as a pipe whose producer stalls, until released. */
  private static final class StallingReader extends Reader {
    private final Reader text;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean closed = new AtomicBoolean();

    StallingReader(String text) {
      this.text = new StringReader(text);
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
      int n = text.read(chars, offset, length);
      if (n > 0) return n;
      while (true) {
        try {
          release.await();
          return -1;
        } catch (InterruptedException e) {
          // ignored, as by a read blocked on a pipe
        }
      }
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void passesEveryCharacterThroughInOrderAndEndsWhereTheReaderEnds() throws IOException {
    StringBuilder text = new StringBuilder();
    Random random = new Random(7);
    while (text.length() < 300_000) text.append("https://example.com/").append(random.nextInt()).append('\n');
    StringWriter copy = new StringWriter();
    try (StoppableReader reader = new StoppableReader(new StringReader(text.toString()))) {
      reader.transferTo(copy);
      assertThat(reader.read()).isEqualTo(-1);
    }
    assertThat(copy.toString()).isEqualTo(text.toString());
  }

  @Test
  @Timeout(10)
  void aReadWaitingOnAStalledReaderEndsOnceStopSaysSo() throws IOException {
    StallingReader stalling = new StallingReader("a\n");
    StoppableReader reader = new StoppableReader(stalling);
    char[] chars = new char[16];
    assertThat(reader.read(chars, 0, chars.length)).isEqualTo(2);
    CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return reader.read(chars, 0, chars.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    reader.stop(); // from another thread, while the read waits

    assertThatThrownBy(waiting::join).hasCauseInstanceOf(UncheckedIOException.class)
        .rootCause().isInstanceOf(StoppableReader.Stopped.class);
    assertThatThrownBy(() -> reader.read(chars, 0, chars.length)).isInstanceOf(StoppableReader.Stopped.class);
    reader.close(); // returns although the reading thread is still blocked, and leaves its reader alone
    assertThat(stalling.closed).isFalse();
    stalling.release.countDown();
  }

  /** A reader whose every read throws {@code failure} (an IOException, a runtime exception or an error). */
  private static Reader failingWith(Throwable failure) {
    return new Reader() {
      @Override
      public int read(char[] chars, int offset, int length) throws IOException {
        if (failure instanceof IOException e) throw e;
        if (failure instanceof Error e) throw e;
        throw (RuntimeException) failure;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aFailureOfTheReaderReachesTheCallerAsThrown() {
    IOException failure = new IOException("Unexpected end of ZLIB input stream");
    StoppableReader reader = new StoppableReader(failingWith(failure));
    assertThatThrownBy(() -> reader.read(new char[8], 0, 8)).isSameAs(failure);
  }

  @Test
  @Timeout(10)
  void anErrorOfTheReaderReachesTheCallerRatherThanLeavingItWaiting() {
    AssertionError error = new AssertionError("boom");
    StoppableReader reader = new StoppableReader(failingWith(error));
    assertThatThrownBy(() -> reader.read(new char[8], 0, 8)).isSameAs(error);
  }

  @Test
  void closingAfterTheEndClosesTheReader() throws IOException {
    StallingReader stalling = new StallingReader("");
    stalling.release.countDown();
    StoppableReader reader = new StoppableReader(stalling);
    assertThat(reader.read(new char[8], 0, 8)).isEqualTo(-1);
    reader.close();
    assertThat(stalling.closed).isTrue();
  }

  @Test
  void aLineCutShortByTheStopIsDroppedAndTheListEndsUncounted() throws IOException {
    StallingReader stalling = new StallingReader("https://a.example/\nhttps://b.exa");
    StoppableReader reader = new StoppableReader(stalling);
    UrlSource source = new UrlSource(reader);
    assertThat(source.next()).isEqualTo("https://a.example/");

    reader.stop();

    assertThat(source.next()).isNull();
    assertThat(source.readFailure()).isNull();
    assertThat(source.totalIfKnown()).isEqualTo(-1);
    stalling.release.countDown();
  }
}
