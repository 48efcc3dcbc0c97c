package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf16ReaderTest {
  private static final String EMOJI = "\ud83d\ude00"; // U+1F600

  /** {@code text}'s chars as UTF-16 units, lone surrogates included (String.getBytes would replace them). */
  static byte[] units(String text, boolean bigEndian) {
    byte[] bytes = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes[2 * i + (bigEndian ? 0 : 1)] = (byte) (c >> 8);
      bytes[2 * i + (bigEndian ? 1 : 0)] = (byte) c;
    }
    return bytes;
  }

  /**
   * All of {@code bytes} decoded, the stream giving at most {@code chunk} bytes a read and each
   * read asking for {@code ask} chars.
   */
  private static String decode(byte[] bytes, boolean bigEndian, int chunk, int ask) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Reader in = new Utf16Reader(new Trickle(bytes, chunk), bigEndian)) {
      char[] chars = new char[ask];
      for (int n; (n = in.read(chars, 0, ask)) >= 0; ) text.append(chars, 0, n);
    }
    return text.toString();
  }

  private static String decode(byte[] bytes, boolean bigEndian) throws IOException {
    return decode(bytes, bigEndian, Integer.MAX_VALUE, 64 * 1024);
  }

  private static String decode(String text, boolean bigEndian) throws IOException {
    return decode(units(text, bigEndian), bigEndian);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unpairedHighSurrogateBeforeNewlineKeepsBothLines(boolean bigEndian) throws IOException {
    assertThat(decode("http://a/x\ud800\nhttp://b/\n", bigEndian)).isEqualTo("http://a/x\ufffd\nhttp://b/\n");
    assertThat(decode("http://a/x\udbff\r\nhttp://b/\n", bigEndian)).isEqualTo("http://a/x\ufffd\r\nhttp://b/\n");
  }

  @Test
  void aClosedReaderRefusesToReadAsTheJdksReadersDo() throws IOException {
    Reader in = new Utf16Reader(new java.io.ByteArrayInputStream(units("abc\ndef\n", false)), false);
    char[] chars = new char[2];
    assertThat(in.read(chars, 0, 2)).isEqualTo(2);
    in.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.read(chars, 0, 2))
        .isInstanceOf(IOException.class).hasMessage("Stream closed");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unpairedHighSurrogateBeforeALetterKeepsTheLetter(boolean bigEndian) throws IOException {
    assertThat(decode("a\ud800b", bigEndian)).isEqualTo("a\ufffdb");
    assertThat(decode("a\ud800\ud801b", bigEndian)).isEqualTo("a\ufffd\ufffdb");
    assertThat(decode("a\ud800" + EMOJI, bigEndian)).isEqualTo("a\ufffd" + EMOJI);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void loneLowSurrogateBecomesOneReplacement(boolean bigEndian) throws IOException {
    assertThat(decode("a\udc00b\n", bigEndian)).isEqualTo("a\ufffdb\n");
    assertThat(decode("\udfff\n", bigEndian)).isEqualTo("\ufffd\n");
    assertThat(decode("a\ude00\ud83d", bigEndian)).isEqualTo("a\ufffd\ufffd"); // reversed pair
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void validSurrogatePairsAreKept(boolean bigEndian) throws IOException {
    String text = "http://a/" + EMOJI + EMOJI + "\u00fc\u4e2d\n" + EMOJI + "\n";
    assertThat(decode(text, bigEndian)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unpairedHighSurrogateAtTheEndBecomesOneReplacement(boolean bigEndian) throws IOException {
    assertThat(decode("a\ud800", bigEndian)).isEqualTo("a\ufffd");
    assertThat(decode("\ud800", bigEndian)).isEqualTo("\ufffd");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void oddTrailingByteBecomesOneReplacement(boolean bigEndian) throws IOException {
    assertThat(decode(append(units("a\n", bigEndian), 'b'), bigEndian)).isEqualTo("a\n\ufffd");
    assertThat(decode(append(units("a\ud800", bigEndian), 0xdc), bigEndian)).isEqualTo("a\ufffd\ufffd");
    assertThat(decode(new byte[] {0x41}, bigEndian)).isEqualTo("\ufffd");
    assertThat(decode(new byte[0], bigEndian)).isEmpty();
  }

  /** Every split of the bytes into reads, and every size of the caller's reads, decode the same. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void surrogateSplitAcrossReadsIsDecodedAsInOneRead(boolean bigEndian) throws IOException {
    String text = "a" + EMOJI + "\ud800\nb\udc00" + EMOJI + "\ud800x" + EMOJI + "\ud800";
    String expected = "a" + EMOJI + "\ufffd\nb\ufffd" + EMOJI + "\ufffdx" + EMOJI + "\ufffd";
    byte[] bytes = append(units(text, bigEndian), 'z');
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      for (int ask = 1; ask <= 4; ask++) {
        assertThat(decode(bytes, bigEndian, chunk, ask)).as("chunk %d, ask %d", chunk, ask).isEqualTo(expected + "\ufffd");
      }
    }
  }

  /** A pair and an unpaired high surrogate straddling the reader's own 8 KiB buffer. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void surrogateSplitAcrossTheReadersBufferIsDecodedAsInOneRead(boolean bigEndian) throws IOException {
    String before = "a".repeat(8 * 1024 / 2 - 1);
    assertThat(decode(before + EMOJI + "\n", bigEndian)).isEqualTo(before + EMOJI + "\n");
    assertThat(decode(before + "\ud800\nb\n", bigEndian)).isEqualTo(before + "\ufffd\nb\n");
  }

  /** Valid UTF-16, split into reads at random, decodes as the JDK decodes it. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void validTextDecodesAsTheJdkDecodesIt(boolean bigEndian) throws IOException {
    Random random = new Random(16);
    StringBuilder text = new StringBuilder();
    while (text.length() < 40_000) {
      text.appendCodePoint(random.nextBoolean() ? random.nextInt(0x20, 0xd800) : random.nextInt(0x10000, 0x110000));
      if (random.nextInt(40) == 0) text.append('\n');
    }
    byte[] bytes = text.toString().getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    assertThat(decode(bytes, bigEndian, 1 + random.nextInt(5000), 1 + random.nextInt(3000))).isEqualTo(text.toString());
  }

  /** A read hands over what one read of the stream decodes to, without waiting for more (a slow pipe). */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aReadHandsOverWhatOneReadOfTheStreamGives(boolean bigEndian) throws IOException {
    InputStream once = new InputStream() {
      private boolean given;

      @Override
      public int read() {
        throw new AssertionError("read one byte at a time");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (given) throw new AssertionError("read on while the first line was waiting");
        given = true;
        byte[] line = units("a\n", bigEndian);
        System.arraycopy(line, 0, b, off, line.length);
        return line.length;
      }
    };
    char[] chars = new char[100];
    assertThat(new Utf16Reader(once, bigEndian).read(chars, 0, chars.length)).isEqualTo(2);
    assertThat(new String(chars, 0, 2)).isEqualTo("a\n");
  }

  private static byte[] append(byte[] bytes, int last) {
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    longer[bytes.length] = (byte) last;
    return longer;
  }

  /** At most {@code chunk} bytes a read. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
