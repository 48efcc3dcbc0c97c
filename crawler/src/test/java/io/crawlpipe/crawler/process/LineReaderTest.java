package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<String> lines(InputStream in) throws IOException {
    LineReader reader = new LineReader(in, 1 << 20);
    List<String> lines = new ArrayList<>();
    while (reader.next()) lines.add(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8));
    return lines;
  }

  private static InputStream trickling(byte[] data, int step) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void splitsAtNewlinesKeepingEmptyLinesAndALastLineWithoutNewline() throws IOException {
    byte[] data = "first\n\nthird é\nlast".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(new ByteArrayInputStream(data))).containsExactly("first", "", "third é", "last");
    assertThat(lines(trickling(data, 3))).containsExactly("first", "", "third é", "last");
  }

  @Test
  void joinsLinesLongerThanItsBuffersAcrossReads() throws IOException {
    String longLine = "x".repeat(300_000);
    byte[] data = (longLine + "\nshort\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(lines(trickling(data, 70_000))).containsExactly(longLine, "short");
  }

  @Test
  void aLineLongerThanTheLimitIsABrokenFrameSoNoStreamCanExhaustTheHeap() throws IOException {
    byte[] data = ("x".repeat(100) + "\n" + "y".repeat(101) + "\n").getBytes(StandardCharsets.US_ASCII);
    LineReader reader = new LineReader(trickling(data, 7), 100);
    assertThat(reader.next()).isTrue();
    assertThat(reader.length()).isEqualTo(100);
    assertThatThrownBy(reader::next).isInstanceOf(FrameException.class).hasMessage("a line longer than 100 bytes");
  }

  @Test
  void anEmptyStreamHasNoLines() throws IOException {
    assertThat(lines(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }

  @Test
  void takeReadsTheBytesAfterALineWhateverTheyAreThenTheNextLineFollows() throws IOException {
    byte[] data = "head\nab\ncd\nnext\n".getBytes(StandardCharsets.US_ASCII);
    for (int step : new int[] {1, 3, data.length}) {
      LineReader reader = new LineReader(trickling(data, step), 100);
      assertThat(reader.next()).isTrue();
      assertThat(new String(reader.bytes(), 0, reader.length(), StandardCharsets.US_ASCII)).isEqualTo("head");
      assertThat(reader.take(6)).as("step %d", step).isEqualTo("ab\ncd\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(reader.take(0)).isEmpty();
      assertThat(reader.next()).isTrue();
      assertThat(new String(reader.bytes(), 0, reader.length(), StandardCharsets.US_ASCII)).isEqualTo("next");
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void takeBeyondTheEndOfTheStreamSaysHowManyBytesArrived() throws IOException {
    LineReader reader = new LineReader(trickling("head\n12345".getBytes(StandardCharsets.US_ASCII), 2), 100);
    assertThat(reader.next()).isTrue();
    assertThatThrownBy(() -> reader.take(100)).isInstanceOf(EOFException.class)
        .hasMessage("the stream ended after 5 of 100 bytes");
  }
}
