package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<String> lines(InputStream in) throws IOException {
    LineReader reader = new LineReader(in);
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
  void anEmptyStreamHasNoLines() throws IOException {
    assertThat(lines(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }
}
