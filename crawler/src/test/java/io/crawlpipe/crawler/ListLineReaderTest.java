package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListLineReaderTest {

  private static List<String> lines(Reader in, int maxChars) throws IOException {
    List<String> out = new ArrayList<>();
    try (ListLineReader reader = new ListLineReader(in, maxChars)) {
      for (String line; (line = reader.next()) != null; ) out.add(line);
    }
    return out;
  }

  /** A reader that hands out at most {@code chunk} characters per read, to put line ends on buffer edges. */
  private static Reader trickling(String text, int chunk) {
    return new Reader() {
      private final StringReader in = new StringReader(text);

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, Math.min(length, chunk));
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Test
  void endsLinesAsBufferedReaderDoes() throws IOException {
    String text = "a\nb\r\nc\rd\n\ne\r\r\nf";
    List<String> expected = List.of("a", "b", "c", "d", "", "e", "", "f");
    assertThat(lines(new StringReader(text), 100)).isEqualTo(expected);
    for (int chunk = 1; chunk <= 4; chunk++) {
      assertThat(lines(trickling(text, chunk), 100)).as("chunks of " + chunk).isEqualTo(expected);
    }
    assertThat(lines(new StringReader(""), 100)).isEmpty();
    assertThat(lines(new StringReader("x\r"), 100)).containsExactly("x");
  }

  @Test
  void aLineLongerThanTheLimitIsShortenedWithItsLengthAndFingerprint() throws IOException {
    String longA = "http://a.test/" + "x".repeat(200_000) + "A";
    String longB = "http://a.test/" + "x".repeat(200_000) + "B";
    List<String> out = lines(trickling(longA + "\n" + longB + "\nhttp://b.test/\n", 4096), 1000);

    assertThat(out).hasSize(3);
    assertThat(out.get(0)).startsWith(longA.substring(0, 1000) + "… (200015 characters, fingerprint ")
        .hasSizeLessThan(1100).isNotEqualTo(out.get(1));
    assertThat(out.get(1)).startsWith(longB.substring(0, 1000) + "… (200015 characters, fingerprint ");
    assertThat(out.get(2)).isEqualTo("http://b.test/");
    assertThat(lines(new StringReader(longA), 1000)).containsExactly(out.get(0));
    assertThat(lines(new StringReader("x".repeat(1000)), 1000)).containsExactly("x".repeat(1000));
  }
}
