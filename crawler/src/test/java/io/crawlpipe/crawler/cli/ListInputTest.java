package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ListInputTest {

  static byte[] gzip(String text) throws IOException {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }

  private static String read(byte[] bytes) throws IOException {
    try (InputStream in = ListInput.open(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length + 10];
    for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
    return bytes;
  }

  @Test
  void aTextListIsReadAsItIs() throws IOException {
    assertThat(read("http://a/\nhttp://b/\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("http://a/\nhttp://b/\n");
    assertThat(read("a".getBytes(StandardCharsets.UTF_8))).isEqualTo("a");
    assertThat(read(new byte[0])).isEmpty();
  }

  @Test
  void aGzipListIsGunzippedMemberAfterMember() throws IOException {
    assertThat(read(gzip("http://a/\n"))).isEqualTo("http://a/\n");

    ByteArrayOutputStream two = new ByteArrayOutputStream();
    two.write(gzip("http://a/\n"));
    two.write(gzip("http://b/\n"));
    assertThat(read(two.toByteArray())).isEqualTo("http://a/\nhttp://b/\n");
  }

  /** A list of 100,000 empty gzip members, or of 20,000 one-line ones: read member after member, the stack not growing with them. */
  @Test
  void aGzipListOfManyEmptyOrSmallMembersIsReadWhole() throws IOException {
    byte[] empty = gzip("");
    ByteArrayOutputStream empties = new ByteArrayOutputStream();
    for (int i = 0; i < 100_000; i++) empties.write(empty);
    empties.write(gzip("http://a/\n"));
    assertThat(read(empties.toByteArray())).isEqualTo("http://a/\n");

    byte[] line = gzip("http://b/\n");
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (int i = 0; i < 20_000; i++) lines.write(line);
    assertThat(read(lines.toByteArray())).isEqualTo("http://b/\n".repeat(20_000));
  }

  /**
   * A source that fails just after a gzip member (where {@code GZIPInputStream} looks for another
   * and takes any failure for the end): the failure ends the read, and the list is not taken as whole.
   */
  @Test
  void aGzipListWhoseSourceFailsAfterAMemberFailsRatherThanEnding() throws IOException {
    byte[] member = gzip("http://a/\n");
    InputStream failing = new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        if (position < member.length) return member[position++] & 0xff;
        throw new IOException("disk gone");
      }
    };
    try (InputStream in = ListInput.open(failing)) {
      assertThat(in.readNBytes(10)).asString(StandardCharsets.UTF_8).isEqualTo("http://a/\n");
      assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
  }

  @Test
  void otherCompressedFormatsAreRefusedByName() {
    assertThatThrownBy(() -> read(bytes('B', 'Z', 'h', '9'))).isInstanceOf(ListInput.UnreadableList.class)
        .hasMessage("it is bzip2-compressed; crawlpipe reads a text list, plain or gzip-compressed");
    assertThatThrownBy(() -> read(bytes(0xfd, '7', 'z', 'X', 'Z', 0))).hasMessageStartingWith("it is xz-compressed;");
    assertThatThrownBy(() -> read(bytes(0x28, 0xb5, 0x2f, 0xfd))).hasMessageStartingWith("it is zstd-compressed;");
    assertThatThrownBy(() -> read(bytes('P', 'K', 3, 4))).hasMessageStartingWith("it is a zip archive;");
  }

  private static String text(byte[] bytes) throws IOException {
    try (Reader in = ListInput.reader(new ByteArrayInputStream(bytes))) {
      StringBuilder text = new StringBuilder();
      in.transferTo(new java.io.Writer() {
        @Override public void write(char[] chars, int off, int len) { text.append(chars, off, len); }
        @Override public void flush() {}
        @Override public void close() {}
      });
      return text.toString();
    }
  }

  @Test
  void aListIsUtf8UnlessItStartsWithAUtf16ByteOrderMark() throws IOException {
    assertThat(text("http://a/\nhttp://b/ü\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("http://a/\nhttp://b/ü\n");
    assertThat(text("\ufeffhttp://a/\r\n".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("http://a/\r\n");
    assertThat(text("\ufeffhttp://a/\n".getBytes(StandardCharsets.UTF_16BE))).isEqualTo("http://a/\n");
    assertThat(text(gzip("\ufeffhttp://a/\n"))).isEqualTo("\ufeffhttp://a/\n");
    assertThat(text(new byte[] {'a', (byte) 0xff, '\n'})).isEqualTo("a\ufffd\n");
  }

  @Test
  void aUtf16ListReadsEachUnpairedSurrogateAsOneReplacementAndKeepsItsLines() throws IOException {
    String list = "\ufeffhttp://a/\ud800\nhttp://b/\udc00\n";
    String read = "http://a/\ufffd\nhttp://b/\ufffd\n";
    assertThat(text(Utf16ReaderTest.units(list, false))).isEqualTo(read);
    assertThat(text(Utf16ReaderTest.units(list, true))).isEqualTo(read);
    assertThat(text(gzip(Utf16ReaderTest.units(list, false)))).isEqualTo(read);
    byte[] odd = Utf16ReaderTest.units("\ufeffa\n", true);
    assertThat(text(java.util.Arrays.copyOf(odd, odd.length + 1))).isEqualTo("a\n\ufffd");
  }

  @Test
  void aListWithANulByteNearItsStartIsRefusedAsNotText() {
    assertThatThrownBy(() -> text(new byte[64])).isInstanceOf(ListInput.UnreadableList.class)
        .hasMessage("it is not text (a NUL byte at offset 0); crawlpipe reads a text list, plain or gzip-compressed");
    byte[] utf16WithoutMark = "http://a/\n".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> text(utf16WithoutMark)).hasMessageStartingWith("it is not text (a NUL byte at offset 1)");
  }

  /**
   * UTF-32 is refused by name, either byte order: its little-endian byte-order mark starts as
   * UTF-16's does ({@code FF FE}) and was read as UTF-16, every other unit a NUL. A source that
   * gives the mark two bytes at a time (a pipe) is read on until the mark is whole.
   */
  @Test
  void aUtf32ListIsRefusedByName() {
    String refused = "it is UTF-32 text; crawlpipe reads a list in UTF-8 or UTF-16, plain or gzip-compressed";
    byte[] little = "\ufeffhttp://a/\n".getBytes(Charset.forName("UTF-32LE"));
    byte[] big = "\ufeffhttp://a/\n".getBytes(Charset.forName("UTF-32BE"));
    assertThatThrownBy(() -> text(little)).isInstanceOf(ListInput.UnreadableList.class).hasMessage(refused);
    assertThatThrownBy(() -> text(big)).isInstanceOf(ListInput.UnreadableList.class).hasMessage(refused);
    assertThatThrownBy(() -> ListInput.reader(twoBytesAtATime(little))).hasMessage(refused);
  }

  @Test
  void aUtf16ListMarkedByTwoBytesAtATimeIsStillUtf16() throws IOException {
    try (Reader in = ListInput.reader(twoBytesAtATime("\ufeffhttp://a/\n".getBytes(StandardCharsets.UTF_16LE)))) {
      char[] chars = new char[10];
      assertThat(new String(chars, 0, in.read(chars))).startsWith("h");
    }
  }

  /** {@code bytes} as a pipe that gives at most two bytes per read. */
  private static InputStream twoBytesAtATime(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] into, int offset, int length) {
        return super.read(into, offset, Math.min(2, length));
      }
    };
  }
}
