package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class MetaCharsetScannerTest {
  private static final List<String> HEAD_PARTS = List.of(
      "<meta", "<META ", "<Meta\n", "<meta charset=", "charset", "CharSet", "CHARSET", "=", " = ", " ",
      "\t", "\u000B", "\f", "\r\n", "\u001C", "\"", "'", ">", "<", "utf-8", "gbk", "Shift_JIS", "x",
      "_", ".", ":", "-", ";", "/", "http-equiv=\"Content-Type\" content=\"text/html; ", "<title>",
      "<!--", "-->", "<!", "<?", "</", "<a ", " content=", " http-equiv=content-type");

  private static String name(String head) {
    Charset charset = MetaCharsetScanner.charset(head.getBytes(StandardCharsets.ISO_8859_1), 4096);
    return charset == null ? null : charset.name();
  }

  @Test
  void findsHtml5AndHttpEquivDeclarations() {
    assertThat(name("<META CharSet = ' GBK '>")).isEqualTo("GBK");
    assertThat(name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">")).isEqualTo("Shift_JIS");
    assertThat(name("<meta content='text/html; charset=\"koi8-r\"' http-equiv=CONTENT-TYPE>")).isEqualTo("KOI8-R");
  }

  @Test
  void charsetOutsideTheMetaTagIsIgnored() {
    assertThat(name("<meta name=x><p>charset=gbk</p>")).isNull();
    assertThat(name("<p>charset=gbk</p>")).isNull();
  }

  @Test
  void metaInsideACommentIsIgnored() {
    assertThat(name("<!-- old: <meta charset=\"windows-1251\"> --><meta charset=\"utf-8\">")).isEqualTo("UTF-8");
    assertThat(name("<!-- <meta charset=windows-1251> -->")).isNull();
    assertThat(name("<!--><meta charset=koi8-r>")).isEqualTo("KOI8-R");  // "<!-->" is a whole comment
  }

  @Test
  void contentCountsOnlyWithHttpEquivContentType() {
    String description = "<meta name=\"description\" content=\"Tables in charset=windows-1251 and more\">";
    assertThat(name(description)).isNull();
    assertThat(name(description + "<meta charset=utf-8>")).isEqualTo("UTF-8");
    assertThat(name("<meta http-equiv=refresh content=\"0; charset=koi8-r\">")).isNull();
  }

  @Test
  void metaInsideAnotherTagsQuotedAttributeIsIgnored() {
    assertThat(name("<a title=\"<meta charset=koi8-r>\">x</a>")).isNull();
    assertThat(name("<a title='>'><meta charset=koi8-r>")).isEqualTo("KOI8-R");
  }

  @Test
  void utf16MeansUtf8AndUserDefinedMeansWindows1252() {
    assertThat(name("<meta charset=\"utf-16\">")).isEqualTo("UTF-8");
    assertThat(name("<meta http-equiv=Content-Type content=\"text/html; charset=UTF-16LE\">")).isEqualTo("UTF-8");
    assertThat(name("<meta charset=x-user-defined>")).isEqualTo("windows-1252");
  }

  @Test
  void metaWithAnUnknownOrEmptyLabelIsSkipped() {
    assertThat(name("<meta charset=\"\"><meta charset=big5>")).isEqualTo("Big5");
    assertThat(name("<meta charset=bogus><meta charset=koi8-r>")).isEqualTo("KOI8-R");
  }

  @Test
  void aCharsetAttributeAfterContentStillSetsTheCharset() {
    assertThat(name("<meta content=\"text/html; charset=koi8-r\" charset=\"windows-1251\"><title>x</title>"))
        .isEqualTo("windows-1251");
    assertThat(name("<meta content=\"text/html; charset=koi8-r\" charset=\"windows-1251\" http-equiv=content-type>"))
        .isEqualTo("windows-1251");
    // a charset naming no encoding is the meta's answer too: it is skipped, as the standard's prescan skips it
    assertThat(name("<meta content=\"text/html; charset=koi8-r\" http-equiv=content-type charset=bogus>"
        + "<meta charset=big5>")).isEqualTo("Big5");
  }

  @Test
  void firstOfRepeatedAttributesCounts() {
    assertThat(name("<meta charset=koi8-r charset=utf-8>")).isEqualTo("KOI8-R");
    assertThat(name("<meta charset=koi8-r content=\"text/html; charset=utf-8\" http-equiv=content-type>"))
        .isEqualTo("KOI8-R");
  }

  @Test
  void onlyTheFirstBytesUpToTheLimitAreRead() {
    byte[] body = "<meta charset=windows-1252>".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(MetaCharsetScanner.charset(body, body.length).name()).isEqualTo("windows-1252");
    assertThat(MetaCharsetScanner.charset(body, body.length - 1)).isNull();  // cut off before its '>'
    assertThat(MetaCharsetScanner.charset(body, 17)).isNull();
  }

  @Test
  void resultDependsOnlyOnTheBytesBeforeTheLimit() {
    RandomPages pages = new RandomPages(4096L, HEAD_PARTS);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] body = pages.next(StandardCharsets.UTF_8, 30);
      int limit = pages.nextInt(body.length + 1);
      Charset full = MetaCharsetScanner.charset(body, limit);
      if (!Objects.equals(full, MetaCharsetScanner.charset(Arrays.copyOf(body, limit), 4096))) {
        mismatches.add(HexFormat.of().formatHex(body) + " limit " + limit);
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
