package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
      Charset charset = WebEncodings.forName(name);
      for (int i = 0; i < 1000; i++) {
        byte[] body = pages.next(charset, 24);
        int from = Math.min(body.length, pages.nextInt(3));
        String decoded = TitleScanner.title(WebEncodings.decode(body, from, body.length - from, charset));
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
    Charset gbk = WebEncodings.forName("GBK");
    byte[] body = "<乼乮乼乴乪>no</乼乮乼乴乪><title>yes</title>".getBytes(gbk);

    assertThat(ByteTitleScanner.title(body, 0, gbk)).isEqualTo("yes");
  }

  @Test
  void titleEndsAtTheFirstRealClosingTagAfterTrailByteLookalikes() {
    Charset big5 = WebEncodings.forName("Big5");
    // Big5 ろもろゅま is C7 74 C7 69 C7 74 C7 6C C7 65 (ボパボピネ in the JDK's ETEN Big5); 許功蓋 end in 0x5C.
    byte[] body = "<title>a</ろもろゅま>許功蓋</TITLE>b</title>".getBytes(big5);

    assertThat(ByteTitleScanner.title(body, 0, big5)).isEqualTo("a</ろもろゅま>許功蓋");
  }

  @Test
  void multiByteEncodingsAreScannedBecauseAStrayLeadByteNeverSwallowsALessThan() {
    byte[] body = {(byte) 0x9E, '<', 't', 'i', 't', 'l', 'e', '>', 'x'};
    for (String name : List.of("GBK", "gb18030", "Big5", "EUC-JP", "Shift_JIS", "EUC-KR")) {
      Charset charset = WebEncodings.forName(name);

      assertThat(WebEncodings.decode(body, 0, body.length, charset)).as(name).isEqualTo("\uFFFD<title>x");
      assertThat(ByteTitleScanner.canScan(charset)).as(name).isTrue();
      assertThat(ByteTitleScanner.title(body, 0, charset)).as(name).isEqualTo("x");
    }
  }

  @Test
  void encodingsWhoseAsciiBytesAreNotAsciiAreNotScanned() {
    for (String name : List.of("UTF-16LE", "UTF-16BE", "ISO-2022-JP", "replacement")) {
      assertThat(ByteTitleScanner.canScan(WebEncodings.forName(name))).as(name).isFalse();
    }
    assertThat(ByteTitleScanner.canScan(Charset.forName("GB18030"))).isFalse();  // the JDK's, not the standard's
    assertThat(ByteTitleScanner.canScan(StandardCharsets.UTF_8)).isTrue();
  }

  @Test
  void everyScannableNameIsAWhatwgEncoding() {
    for (String name : ByteTitleScanner.SCANNABLE) {
      assertThat(WebEncodings.forName(name).name()).isEqualTo(name);
    }
    assertThat(ByteTitleScanner.SCANNABLE).contains("UTF-8", "windows-1252", "GBK", "Shift_JIS", "x-user-defined");
  }

  @Test
  void scanStartsAtTheGivenOffset() {
    byte[] body = "<title>a</title><title>b</title>".getBytes(StandardCharsets.UTF_8);

    assertThat(ByteTitleScanner.title(body, 1, StandardCharsets.UTF_8)).isEqualTo("b");
  }

  @Test
  void inEveryScannableCharsetAsciiBytesDecodeAloneAndBytesBelow0x40AreNeverSwallowed() {
    Set<String> pairsChecked = new HashSet<>();  // GBK and gb18030 share their decoder
    for (String name : ByteTitleScanner.SCANNABLE) {
      Charset charset = WebEncodings.forName(name);
      for (int b = 0; b < 0x80; b++) {
        assertThat(decode(new byte[] {(byte) b}, charset)).as(name).isEqualTo(String.valueOf((char) b));
      }
      boolean multiByte = charset.newEncoder().maxBytesPerChar() > 1
          && pairsChecked.add(charset.newDecoder().charset().name());
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
    String alone = decode(prefix, charset);
    if (alone.chars().anyMatch(c -> c < 0x80)) throw new AssertionError(charset + " ASCII from non-ASCII bytes");
    for (byte delimiter = 0; delimiter < 0x40; delimiter++) {
      byte[] withDelimiter = Arrays.copyOf(prefix, prefix.length + 1);
      withDelimiter[prefix.length] = delimiter;
      String decoded = decode(withDelimiter, charset);
      if (!decoded.equals(alone + (char) delimiter)) {
        throw new AssertionError(charset + " " + HexFormat.of().formatHex(withDelimiter) + " -> " + decoded);
      }
    }
  }

  private static String decode(byte[] b, Charset charset) {
    return WebEncodings.decode(b, 0, b.length, charset);
  }
}
