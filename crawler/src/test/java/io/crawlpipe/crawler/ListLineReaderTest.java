package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListLineReaderTest {

  private static List<String> lines(Reader in, int maxChars) throws IOException {
    return lines(new ListLineReader(in, maxChars));
  }

  /** The lines, trimmed of spaces and tabs. */
  private static List<String> trimmed(Reader in, int maxChars) throws IOException {
    return lines(new ListLineReader(in, maxChars, c -> c == ' ' || c == '\t', () -> false));
  }

  private static List<String> lines(ListLineReader lines) throws IOException {
    List<String> out = new ArrayList<>();
    try (ListLineReader reader = lines) {
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

  @Test
  void blanksAtALinesEndsAreTrimmedAndNotCountedAgainstTheLimit() throws IOException {
    String spaces = " ".repeat(5_000);
    String text = "  a  b \t\n" + spaces + "url" + spaces + "\n \t \n\n" + "x".repeat(1000) + spaces + "\n";
    List<String> expected = List.of("a  b", "url", "", "", "x".repeat(1000));
    for (int chunk : new int[] {1, 3, 4096, 100_000}) {
      assertThat(trimmed(trickling(text, chunk), 1000)).as("chunks of " + chunk).isEqualTo(expected);
    }
  }

  /** Lines of letters and blanks, read in chunks of every size, come out as trimming and then shortening them does. */
  @Test
  void longLinesWithBlanksAreShortenedAsTheTrimmedLineWouldBe() throws IOException {
    Random random = new Random(20260611L);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      StringBuilder line = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) line.append(random.nextInt(3) == 0 ? 'x' : random.nextBoolean() ? ' ' : '\t');
      text.append(line).append('\n');
      expected.add(shortened(line.toString().strip(), 12));
    }
    for (int chunk = 1; chunk <= 9; chunk++) {
      assertThat(trimmed(trickling(text.toString(), chunk), 12)).as("chunks of " + chunk).isEqualTo(expected);
    }
  }

  /** What the reader makes of a trimmed line longer than {@code max}: its start, its length and its FNV-1a hash. */
  private static String shortened(String line, int max) {
    if (line.length() <= max) return line;
    long hash = 0xcbf29ce484222325L;
    for (char c : line.toCharArray()) hash = (hash ^ c) * 0x100000001b3L;
    return line.substring(0, max) + "… (" + line.length() + " characters, fingerprint " + Long.toHexString(hash) + ")";
  }

  @Test
  void aLineGivenUpAtAStopIsRecordedOnlyIfTooLongOnceTrimmed() throws IOException {
    String blanksOnly = "http://a.test/" + " ".repeat(5000);
    ListLineReader cut = new ListLineReader(trickling(blanksOnly, 100), 1000, c -> c == ' ', () -> true);
    assertThat(cut.next()).as("only blanks past the limit: cut short, not a line").isNull();
    assertThat(cut.stopped()).isTrue();

    String tooLong = "http://a.test/" + "x".repeat(5000);
    ListLineReader kept = new ListLineReader(trickling(tooLong + " ".repeat(5000), 100), 1000, c -> c == ' ', () -> true);
    assertThat(kept.next()).startsWith(tooLong.substring(0, 1000) + "… (").contains(" characters, fingerprint ");
    assertThat(kept.stopped()).isFalse();
  }
}
