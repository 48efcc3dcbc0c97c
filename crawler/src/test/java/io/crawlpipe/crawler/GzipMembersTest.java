package io.crawlpipe.crawler;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipMembersTest {

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
      gz.write(data);
    }
    return gzipped.toByteArray();
  }

  static byte[] gzip(String text) throws IOException {
    return gzip(text.getBytes(UTF_8));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) all.writeBytes(part);
    return all.toByteArray();
  }

  /** {@code bytes} decoded through a source that gives at most {@code perRead} bytes a read. */
  private static byte[] decode(byte[] bytes, int perRead, int bufferSize) throws IOException {
    InputStream source = new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, perRead));
      }
    };
    try (InputStream in = new GzipMembers(source, bufferSize)) {
      return in.readAllBytes();
    }
  }

  private static String text(byte[] bytes) throws IOException {
    return new String(decode(bytes, Integer.MAX_VALUE, 8192), UTF_8);
  }

  @Test
  void decodesWhatTheJdkDecodesHoweverTheSourceSplitsIt() throws IOException {
    Random random = new Random(11);
    byte[] noise = new byte[70_000];
    random.nextBytes(noise);
    byte[] words = "<p>a page of words, </p>".repeat(5_000).getBytes(UTF_8);
    byte[] members = concat(gzip(noise), gzip(new byte[0]), gzip(words), gzip("end"));
    byte[] expected = new GZIPInputStream(new ByteArrayInputStream(members)).readAllBytes();
    for (int perRead : new int[] {1, 7, 512, Integer.MAX_VALUE}) {
      for (int bufferSize : new int[] {1, 13, 8192, 65536}) {
        assertThat(decode(members, perRead, bufferSize)).as(perRead + "/" + bufferSize).isEqualTo(expected);
      }
    }
  }

  @Test
  void manyEmptyOrSmallMembersAreDecodedWithoutTheStackGrowing() throws IOException {
    byte[] empty = gzip(new byte[0]);
    ByteArrayOutputStream empties = new ByteArrayOutputStream();
    for (int i = 0; i < 200_000; i++) empties.writeBytes(empty);
    empties.writeBytes(gzip("last"));
    assertThat(text(empties.toByteArray())).isEqualTo("last");

    byte[] small = gzip("ab");
    ByteArrayOutputStream smalls = new ByteArrayOutputStream();
    for (int i = 0; i < 50_000; i++) smalls.writeBytes(small);
    assertThat(text(smalls.toByteArray())).isEqualTo("ab".repeat(50_000));
  }

  @Test
  void noBytesAtAllDecodeToNothingAndBytesAfterTheLastMemberThatAreNotGzipsMagicNumberAreIgnored() throws IOException {
    assertThat(text(new byte[0])).isEmpty();
    assertThat(text(concat(gzip("kept"), "\r\n\0\0junk".getBytes(ISO_8859_1)))).isEqualTo("kept");
    assertThat(text(concat(gzip("kept"), new byte[] {'A'}))).isEqualTo("kept");
    assertThat(text(concat(gzip("kept"), new byte[] {0x1f, 'A', 'B'}))).isEqualTo("kept");
  }

  /** As {@code gzip -d} reads it ("unknown method 7"): bytes that begin with gzip's magic number are a member. */
  @Test
  void aLaterMemberWithGzipsMagicNumberButABadHeaderFailsRatherThanEnding() throws IOException {
    byte[] unknownMethod = concat(gzip("kept"), new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> text(unknownMethod)).isInstanceOf(ZipException.class)
        .hasMessage("Unsupported compression method");
    byte[] badHeaderCrc = concat(gzip("kept"), new byte[] {0x1f, (byte) 0x8b, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> text(badHeaderCrc)).isInstanceOf(ZipException.class).hasMessage("Corrupt GZIP header");
  }

  /**
   * As {@code gzip -d} reads it ("unexpected end of file"): once a next member has begun with
   * gzip's first magic byte, data that ends before its header does is cut, not the end of the data.
   */
  @Test
  void dataCutInsideALaterMembersHeaderIsACutNotTheEnd() throws IOException {
    byte[] header = fullHeader(null); // every optional field
    for (int cutAt = 1; cutAt < header.length; cutAt++) {
      byte[] cut = concat(gzip("kept"), Arrays.copyOf(header, cutAt));
      for (int perRead : new int[] {1, Integer.MAX_VALUE}) {
        assertThatThrownBy(() -> decode(cut, perRead, 8192)).as(cutAt + "/" + perRead)
            .isInstanceOfSatisfying(GzipMembers.Cut.class, c -> assertThat(c.inHeader()).isTrue());
      }
    }
    byte[] plain = concat(gzip("kept"), Arrays.copyOf(gzip("lost"), 5));
    try (InputStream in = new GzipMembers(new ByteArrayInputStream(plain), 64)) {
      assertThat(in.readNBytes(4)).as("the member before the cut is decoded").asString(UTF_8).isEqualTo("kept");
      assertThatThrownBy(in::read).isInstanceOf(GzipMembers.Cut.class);
    }
  }

  /** A header with every optional field, as RFC 1952 draws it, its header CRC {@code crc16} (null: the right one). */
  private static byte[] fullHeader(Integer crc16) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    header.writeBytes(new byte[] {5, 0, 'e', 'x', 't', 'r', 'a'});
    header.writeBytes("name.txt\0a comment\0".getBytes(ISO_8859_1));
    CRC32 crc = new CRC32();
    crc.update(header.toByteArray());
    int value = crc16 != null ? crc16 : (int) crc.getValue() & 0xffff;
    header.writeBytes(new byte[] {(byte) value, (byte) (value >> 8)});
    return header.toByteArray();
  }

  @Test
  void aHeaderWithExtraFieldNameCommentAndHeaderCrcIsRead() throws IOException {
    byte[] plain = gzip("fields");
    byte[] body = Arrays.copyOfRange(plain, 10, plain.length); // the deflate data and trailer
    byte[] member = concat(fullHeader(null), body);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes()).as("the JDK reads it so too")
        .asString(UTF_8).isEqualTo("fields");
    assertThat(decode(concat(member, member), 1, 3)).asString(UTF_8).isEqualTo("fieldsfields");

    byte[] right = fullHeader(null);
    int wrong = ~((right[right.length - 2] & 0xff) | (right[right.length - 1] & 0xff) << 8) & 0xffff;
    assertThatThrownBy(() -> text(concat(fullHeader(wrong), body))).isInstanceOf(ZipException.class)
        .hasMessage("Corrupt GZIP header");
  }

  @Test
  void corruptDataFailsInTheJdksWords() throws IOException {
    byte[] whole = gzip("<p>hello</p>".repeat(20));
    assertThatThrownBy(() -> text("<html>".getBytes(UTF_8))).isInstanceOf(ZipException.class).hasMessage("Not in GZIP format");
    byte[] method = whole.clone();
    method[2] = 7;
    assertThatThrownBy(() -> text(method)).isInstanceOf(ZipException.class).hasMessage("Unsupported compression method");
    byte[] blockType = whole.clone();
    blockType[10] = (byte) 0xff;
    assertThatThrownBy(() -> text(blockType)).isInstanceOf(ZipException.class).hasMessage("invalid block type");
    byte[] badCrc = whole.clone();
    badCrc[whole.length - 8] ^= 1;
    assertThatThrownBy(() -> text(badCrc)).isInstanceOf(ZipException.class).hasMessage("Corrupt GZIP trailer");
    byte[] badSize = whole.clone();
    badSize[whole.length - 1] ^= 1;
    assertThatThrownBy(() -> text(badSize)).isInstanceOf(ZipException.class).hasMessage("Corrupt GZIP trailer");
  }

  @Test
  void dataCutShortSaysWhere() throws IOException {
    byte[] whole = gzip("<p>hello</p>".repeat(20));
    assertThatThrownBy(() -> text(Arrays.copyOf(whole, 4))).isInstanceOfSatisfying(GzipMembers.Cut.class,
        cut -> assertThat(cut.inHeader()).isTrue()).hasMessage(null);
    assertThatThrownBy(() -> text(Arrays.copyOf(whole, 14))).isExactlyInstanceOf(EOFException.class)
        .hasMessage("Unexpected end of ZLIB input stream");
    assertThatThrownBy(() -> text(Arrays.copyOf(whole, whole.length - 4))).isInstanceOfSatisfying(GzipMembers.Cut.class,
        cut -> assertThat(cut.inHeader()).isFalse()).hasMessage(null);
    byte[] two = concat(gzip("one"), whole);
    assertThatThrownBy(() -> text(Arrays.copyOf(two, two.length - 4))).isInstanceOfSatisfying(GzipMembers.Cut.class,
        cut -> assertThat(cut.inHeader()).isFalse());
  }

  /** Where GZIPInputStream looks for another member and takes any failure for the end of the data. */
  @Test
  void aSourceFailingAfterAMemberFailsTheReadRatherThanEndingTheData() throws IOException {
    IOException gone = new IOException("connection reset");
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw gone;
      }
    };
    for (byte[] before : new byte[][] {gzip("one"), concat(gzip("one"), new byte[] {0x1f, (byte) 0x8b})}) {
      try (InputStream in = new GzipMembers(new SequenceInputStream(new ByteArrayInputStream(before), failing), 64)) {
        assertThat(in.readNBytes(3)).asString(UTF_8).isEqualTo("one");
        assertThatThrownBy(in::read).isSameAs(gone);
      }
    }
  }

  @Test
  void aClosedDecoderRefusesReadsAndClosesItsSource() throws IOException {
    boolean[] closed = {false};
    InputStream source = new ByteArrayInputStream(gzip("x")) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    GzipMembers in = new GzipMembers(source, 16);
    assertThat(in.read()).isEqualTo('x');
    in.close();
    assertThat(closed[0]).isTrue();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Stream closed");
    assertThatThrownBy(() -> new GzipMembers(source, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
