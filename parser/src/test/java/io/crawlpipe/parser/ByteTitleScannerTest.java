package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ByteTitleScannerTest extends TitleScanBehaviour {
  private static final List<String> MARKUP = List.of(
      "<title>", "<TITLE ", "<title/", "<Title\t", "<title\u000B", "<title\u001C", "</title>", "</TiTlE",
      "<titlebar>", "<title", "</title", "<t", "itle", "<", ">", "/", " ", "\t", "\n", "\r\n", "&amp;",
      "&#8211;", "&nbsp;", "&lt;", "x", "t", "i", "T", "e", "l", "=", "\"", "'", "<!--", "-->", "--!>", "-", "!",
      "<!", "<?", "<script>", "</SCRIPT>", "</script", "<svg>", "<svg/>", "</svg>", "<p>", " a=", "\u0000",
      "&#xD800;", "&#56320");

  @Override
  String title(String html) {
    return ByteTitleScanner.title(html.getBytes(StandardCharsets.UTF_8), 0, StandardCharsets.UTF_8);
  }

  @Test
  void scannedTitleEqualsDecodedTitleOnRandomPagesInEveryScannableCharset() {
    RandomPages pages = new RandomPages(20261122L, MARKUP);
    List<String> mismatches = new ArrayList<>();
    for (String name : new TreeSet<>(ByteTitleScanner.SCANNABLE)) {
      Charset charset = Charset.forName(name);
      for (int i = 0; i < 1000; i++) {
        byte[] body = pages.next(charset, 24);
        int from = Math.min(body.length, pages.nextInt(3));
        String decoded = TitleScanner.title(new String(body, from, body.length - from, charset));
        String scanned = ByteTitleScanner.title(body, from, charset);
        if (!Objects.equals(scanned, decoded)) {
          mismatches.add(name + " from=" + from + " " + HexFormat.of().formatHex(body));
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void titleSpelledByTrailBytesIsNotATag() {
    // GBK 乼乮乼乴乪 is 81 74 81 69 81 74 81 6C 81 65: "title" in the trail bytes.
    Charset gbk = Charset.forName("GBK");
    byte[] body = "<乼乮乼乴乪>no</乼乮乼乴乪><title>yes</title>".getBytes(gbk);

    assertThat(ByteTitleScanner.title(body, 0, gbk)).isEqualTo("yes");
  }

  @Test
  void titleEndsAtTheFirstRealClosingTagAfterTrailByteLookalikes() {
    Charset big5 = Charset.forName("Big5");
    // Big5 ボパボピネ is C7 74 C7 69 C7 74 C7 6C C7 65; 許功蓋 end in 0x5C, a backslash.
    byte[] body = "<title>a</ボパボピネ>許功蓋</TITLE>b</title>".getBytes(big5);

    assertThat(ByteTitleScanner.title(body, 0, big5)).isEqualTo("a</ボパボピネ>許功蓋");
  }

  @Test
  void charsetsWhoseDecoderSwallowsAngleBracketsAreNotScanned() {
    for (String name : List.of("GB18030", "EUC-JP", "Big5-HKSCS")) {
      Charset charset = Charset.forName(name);
      byte[] body = {(byte) 0x9E, '<', 't', 'i', 't', 'l', 'e', '>', 'x'};

      assertThat(new String(body, charset)).as(name).doesNotContain("<");
      assertThat(ByteTitleScanner.canScan(charset)).as(name).isFalse();
    }
    assertThat(ByteTitleScanner.canScan(StandardCharsets.UTF_16LE)).isFalse();
    assertThat(ByteTitleScanner.canScan(StandardCharsets.UTF_8)).isTrue();
  }

  @Test
  void everyScannableNameIsACanonicalCharsetName() {
    for (String name : ByteTitleScanner.SCANNABLE) {
      assertThat(Charset.forName(name).name()).isEqualTo(name);
    }
  }

  @Test
  void scanStartsAtTheGivenOffset() {
    byte[] body = "<title>a</title><title>b</title>".getBytes(StandardCharsets.UTF_8);

    assertThat(ByteTitleScanner.title(body, 1, StandardCharsets.UTF_8)).isEqualTo("b");
  }

  @Test
  void inEveryScannableCharsetAsciiBytesDecodeAloneAndBytesBelow0x40AreNeverSwallowed() {
    for (String name : ByteTitleScanner.SCANNABLE) {
      Charset charset = Charset.forName(name);
      for (int b = 0; b < 0x80; b++) {
        assertThat(new String(new byte[] {(byte) b}, charset)).as(name).isEqualTo(String.valueOf((char) b));
      }
      boolean multiByte = charset.newEncoder().maxBytesPerChar() > 1;
      for (int b1 = 0x80; b1 < 0x100; b1++) {
        assertDelimitersSplit(charset, new byte[] {(byte) b1});
        for (int b2 = 0x80; b2 < 0x100 && multiByte; b2++) {
          assertDelimitersSplit(charset, new byte[] {(byte) b1, (byte) b2});
        }
      }
    }
    for (int b1 = 0xE0; b1 <= 0xF4; b1++) {  // UTF-8 three-byte prefixes of three- and four-byte forms
      for (int b2 = 0x80; b2 < 0xC0; b2++) {
        for (int b3 = 0x80; b3 < 0xC0; b3++) {
          assertDelimitersSplit(StandardCharsets.UTF_8, new byte[] {(byte) b1, (byte) b2, (byte) b3});
        }
      }
    }
  }

  /**
   * Decoding prefix + an ASCII byte below 0x40 ('<', '>', quotes, '=', '-', '!', '/', whitespace,
   * …) gives the prefix's own decoding and then that character.
   */
  private static void assertDelimitersSplit(Charset charset, byte[] prefix) {
    String alone = new String(prefix, charset);
    if (alone.chars().anyMatch(c -> c < 0x80)) throw new AssertionError(charset + " ASCII from non-ASCII bytes");
    for (byte delimiter = 0; delimiter < 0x40; delimiter++) {
      byte[] withDelimiter = Arrays.copyOf(prefix, prefix.length + 1);
      withDelimiter[prefix.length] = delimiter;
      String decoded = new String(withDelimiter, charset);
      if (!decoded.equals(alone + (char) delimiter)) {
        throw new AssertionError(charset + " " + HexFormat.of().formatHex(withDelimiter) + " -> " + decoded);
      }
    }
  }
}
