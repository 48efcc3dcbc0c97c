package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetaCharsetScannerTest {
  /** What PageDecoder ran before the byte scanner: the reference the scanner must agree with. */
  private static final Pattern OLD_REGEX = Pattern.compile(
      "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final List<String> HEAD_PARTS = List.of(
      "<meta", "<META ", "<Meta\n", "<meta charset=", "charset", "CharSet", "CHARSET", "=", " = ", " ",
      "\t", "\u000B", "\f", "\r\n", "\u001C", "\"", "'", ">", "<", "utf-8", "gbk", "Shift_JIS", "x",
      "_", ".", ":", "-", ";", "/", "http-equiv=\"Content-Type\" content=\"text/html; ", "<title>");

  private static String regexLabel(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = OLD_REGEX.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void labelEqualsTheOldRegexOnRandomHeads() {
    RandomPages pages = new RandomPages(4096L, HEAD_PARTS);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] body = pages.next(StandardCharsets.UTF_8, 30);
      if (!Objects.equals(MetaCharsetScanner.label(body, 4096), regexLabel(body))) {
        mismatches.add(HexFormat.of().formatHex(body));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void labelEqualsTheOldRegexAcrossThe4KiBBoundary() {
    RandomPages pages = new RandomPages(4097L, HEAD_PARTS);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] tail = pages.next(StandardCharsets.UTF_8, 12);
      byte[] body = new byte[4096 - 40 + pages.nextInt(40) + tail.length];
      Arrays.fill(body, (byte) 'a');
      System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
      if (!Objects.equals(MetaCharsetScanner.label(body, 4096), regexLabel(body))) {
        mismatches.add(HexFormat.of().formatHex(tail) + " at " + (body.length - tail.length));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void findsHtml5AndHttpEquivDeclarations() {
    assertThat(MetaCharsetScanner.label(ascii("<META CharSet = ' GBK '>"), 4096)).isEqualTo("GBK");
    assertThat(MetaCharsetScanner.label(
        ascii("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"), 4096))
        .isEqualTo("Shift_JIS");
  }

  @Test
  void charsetOutsideTheMetaTagIsIgnored() {
    assertThat(MetaCharsetScanner.label(ascii("<meta name=x><p>charset=gbk</p>"), 4096)).isNull();
    assertThat(MetaCharsetScanner.label(ascii("<p>charset=gbk</p>"), 4096)).isNull();
  }

  @Test
  void laterMetaIsUsedWhenTheFirstHasNoLabel() {
    assertThat(MetaCharsetScanner.label(ascii("<meta charset=\"\"><meta charset=big5>"), 4096)).isEqualTo("big5");
  }

  @Test
  void onlyTheFirstBytesUpToTheLimitAreRead() {
    byte[] body = ascii("<meta charset=windows-1252>");

    assertThat(MetaCharsetScanner.label(body, 17)).isEqualTo("win");
    assertThat(MetaCharsetScanner.label(body, 14)).isNull();
  }
}
