package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageDecoderTest {
  private static final Charset GBK = Charset.forName("GBK");
  private static final String CHINESE = "新浪首页";

  private static byte[] gbkPage(String metaTag) {
    return ("<html><head>" + metaTag + "<title>" + CHINESE + "</title></head></html>").getBytes(GBK);
  }

  @Test
  void headerCharsetIsUsed() {
    byte[] body = "<title>café</title>".getBytes(StandardCharsets.ISO_8859_1);
    DecodedText d = PageDecoder.decode(body, "text/html; charset=ISO-8859-1");
    assertThat(d.text()).contains("café");
    assertThat(d.charset().name()).isEqualTo("windows-1252");
  }

  @Test
  void undeclaredBytesThatAreNotUtf8AreReadAsWindows1252() {
    byte[] body = "<title>Café – crème brûlée</title>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    DecodedText d = PageDecoder.decode(body, "text/html");
    assertThat(TitleScanner.title(d.text())).isEqualTo("Café – crème brûlée");
    assertThat(d.charset().name()).isEqualTo("windows-1252");
  }

  @Test
  void undeclaredUtf8WithAStrayBadByteStaysUtf8() {
    byte[] utf8 = "<title>Ünïcode café</title>".getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(utf8, utf8.length + 1);
    body[utf8.length] = (byte) 0xE9;  // one Latin-1 byte after three well-formed sequences
    DecodedText d = PageDecoder.decode(body, null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TitleScanner.title(d.text())).isEqualTo("Ünïcode café");
  }

  @Test
  void undeclaredUtf8WithACutEmojiStaysUtf8() {
    byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes("<title>Café menu</title><p>Great food ".getBytes(StandardCharsets.UTF_8));
    body.write(emoji, 0, 3);  // three of its four bytes: one malformed sequence, as one U+FFFD
    body.writeBytes("...</p>".getBytes(StandardCharsets.UTF_8));
    DecodedText d = PageDecoder.decode(body.toByteArray(), "text/html");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TitleScanner.title(d.text())).isEqualTo("Café menu");
  }

  @Test
  void undeclaredAsciiCutInsideItsOneMultiByteCharacterStaysUtf8() {
    byte[] whole = "<title>plain</title> ✓".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);  // as --max-bytes cuts a body
    assertThat(PageDecoder.decode(cut, "text/html").charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void metaCharsetGbkDecodesChineseTitleWhenHeaderHasNoCharset() {
    DecodedText d = PageDecoder.decode(gbkPage("<meta charset=\"gbk\">"), "text/html");
    assertThat(TitleScanner.title(d.text())).isEqualTo(CHINESE);
    assertThat(d.charset()).isEqualTo(GBK);
  }

  @Test
  void httpEquivGb2312IsDecodedAsGbk() {
    byte[] body = gbkPage("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
    DecodedText d = PageDecoder.decode(body, null);
    assertThat(TitleScanner.title(d.text())).isEqualTo(CHINESE);
  }

  @Test
  void utf8BomWinsAndIsStripped() {
    byte[] text = "<title>Ünïcode</title>".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[text.length + 3];
    body[0] = (byte) 0xEF; body[1] = (byte) 0xBB; body[2] = (byte) 0xBF;
    System.arraycopy(text, 0, body, 3, text.length);
    DecodedText d = PageDecoder.decode(body, "text/html; charset=iso-8859-1");
    assertThat(d.text()).startsWith("<title>Ünïcode");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void utf16LeBomIsDetected() {
    byte[] text = "<title>x</title>".getBytes(StandardCharsets.UTF_16LE);
    byte[] body = new byte[text.length + 2];
    body[0] = (byte) 0xFF; body[1] = (byte) 0xFE;
    System.arraycopy(text, 0, body, 2, text.length);
    assertThat(PageDecoder.decode(body, null).text()).isEqualTo("<title>x</title>");
  }

  @Test
  void headerClaimingUtf8ForGbkBytesFallsBackToMetaCharset() {
    DecodedText d = PageDecoder.decode(gbkPage("<meta charset=\"gbk\">"), "text/html; charset=utf-8");
    assertThat(TitleScanner.title(d.text())).isEqualTo(CHINESE);
    assertThat(d.charset()).isEqualTo(GBK);
  }

  @Test
  void headerUtf8IsTrustedWhenBytesAreValidUtf8EvenIfMetaDisagrees() {
    byte[] body = ("<meta charset=\"gbk\"><title>" + CHINESE + "</title>").getBytes(StandardCharsets.UTF_8);
    DecodedText d = PageDecoder.decode(body, "text/html; charset=UTF-8");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TitleScanner.title(d.text())).isEqualTo(CHINESE);
  }

  @Test
  void unknownLabelsFallBackToUtf8() {
    byte[] body = "<title>ok ✓</title>".getBytes(StandardCharsets.UTF_8);
    DecodedText d = PageDecoder.decode(body, "text/html; charset=no-such-charset");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).contains("✓");
  }

  private static String charsetName(byte[] body, String contentType) {
    return PageDecoder.decode(body, contentType).charset().name();
  }

  private static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof byte[] b) out.writeBytes(b);
      else out.write((Integer) part);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @CsvSource({
      "iso8859-1, windows-1252", "l1, windows-1252", "iso_8859-1, windows-1252", "cp819, windows-1252",
      "ibm819, windows-1252", "ascii, windows-1252", "US-ASCII, windows-1252", "iso88591, windows-1252",
      "iso-8859-9, windows-1254", "tis-620, windows-874", "iso-8859-8-i, ISO-8859-8-I", "logical, ISO-8859-8-I",
      "visual, ISO-8859-8", "iso-8859-10, ISO-8859-10", "iso-8859-14, ISO-8859-14", "iso88592, ISO-8859-2",
      "x-cp1251, windows-1251", "koi, KOI8-R", "macintosh, macintosh", "x-mac-cyrillic, x-mac-cyrillic",
      "korean, EUC-KR", "ks_c_5601-1987, EUC-KR", "csgb2312, GBK", "gb_2312, GBK", "chinese, GBK",
      "sjis, Shift_JIS", "big5-hkscs, Big5", "utf-16, UTF-16LE", "unicode, UTF-16LE", "iso-2022-kr, replacement",
      "hz-gb-2312, replacement", "x-user-defined, x-user-defined", "' utf8 ', UTF-8"})
  void headerLabelsAreMappedAsTheWhatwgEncodingStandardMapsThem(String label, String encoding) {
    assertThat(charsetName("x".getBytes(StandardCharsets.US_ASCII), "text/html; charset=" + label)).isEqualTo(encoding);
  }

  @Test
  void everyWhatwgEncodingDecodesItsAsciiBytesAsAscii() {
    byte[] ascii = "<title>Plain & simple</title>".getBytes(StandardCharsets.US_ASCII);
    for (String name : WebEncodings.names()) {
      Charset charset = WebEncodings.forName(name);
      if (!WebEncodings.isAsciiCompatible(charset)) continue;
      assertThat(WebEncodings.decode(ascii, 0, ascii.length, charset)).as(name).isEqualTo("<title>Plain & simple</title>");
    }
  }

  @ParameterizedTest
  @CsvSource({
      "ascii, E9 80 FD, é€ý", "iso-8859-9, 80 FD, €ı", "tis-620, A1 80, ก€", "iso-8859-10, BD FF, ―ĸ",
      "iso-8859-14, A1 F7, \u1E02\u1E6B", "x-mac-cyrillic, A2 B6 FF 80, \u0490\u0491\u20AC\u0410", "macintosh, 8A DB, ä€",
      "x-user-defined, 41 80 FF, A\uF780\uF7FF", "iso-8859-8-i, E0 FA, \u05D0\u05EA", "iso-2022-kr, 41 42, \uFFFD"})
  void singleByteAndUnusualEncodingsDecodeAsTheStandardSays(String label, String hex, String expected) {
    byte[] body = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(PageDecoder.decode(body, "text/html; charset=" + label).text()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"ED A0 80, 3", "ED BF BF, 3", "ED BF, 2", "41 ED A0 80 ED 9F BF 42, 3", "ED, 1", "E6 96, 1"})
  void anEncodedSurrogateInUtf8IsAReplacementPerByteAsTheStandardSays(String hex, int replacements) {
    byte[] body = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    String text = PageDecoder.decode(body, "text/html; charset=utf-8").text();
    assertThat(text.chars().filter(c -> c == 0xFFFD).count()).as(hex).isEqualTo(replacements);
  }

  @Test
  void anEncodedSurrogateInAUtf8TitleIsAReplacementPerByte() {
    byte[] body = concat("<title>[".getBytes(StandardCharsets.US_ASCII), 0xED, 0xA0, 0x80, "]</title>".getBytes(StandardCharsets.US_ASCII));
    ParsedPage parsed = new DefaultPageParser().parse(new Page("http://x/", "text/html; charset=utf-8", body));
    assertThat(parsed.title()).isEqualTo("[\uFFFD\uFFFD\uFFFD]");
  }

  @Test
  void shiftJisDecodesTheNecAndIbmRowsOfWindows31j() {
    String text = "<title>髙橋 﨑 ① Ⅲ ㈱ 様</title>";
    byte[] body = text.getBytes(Charset.forName("windows-31j"));
    DecodedText d = PageDecoder.decode(body, "text/html; charset=Shift_JIS");
    assertThat(d.text()).isEqualTo(text);
    assertThat(d.charset().name()).isEqualTo("Shift_JIS");
  }

  @Test
  void eucKrDecodesTheHangulOfWindows949() {
    String text = "<title>똠방각하 한국어</title>";  // 똠 is in windows-949 only
    byte[] body = text.getBytes(Charset.forName("x-windows-949"));
    assertThat(PageDecoder.decode(body, "text/html; charset=euc-kr").text()).isEqualTo(text);
    assertThat(PageDecoder.decode(body, "text/html; charset=ks_c_5601-1987").text()).isEqualTo(text);
  }

  @Test
  void gbkAndGb2312DecodeWithTheGb18030Decoder() {
    byte[] body = concat("<title>".getBytes(StandardCharsets.US_ASCII), 0x80,
        "新浪 𠀀".getBytes(Charset.forName("GB18030")), "</title>".getBytes(StandardCharsets.US_ASCII));
    assertThat(PageDecoder.decode(body, "text/html; charset=gbk").text()).isEqualTo("<title>€新浪 𠀀</title>");
    assertThat(PageDecoder.decode(body, "text/html; charset=gb2312").text()).isEqualTo("<title>€新浪 𠀀</title>");
  }

  @Test
  void big5DecodesHkscsCharacters() {
    String text = "<title>嗰啲 中文</title>";
    byte[] body = text.getBytes(Charset.forName("Big5-HKSCS"));
    assertThat(PageDecoder.decode(body, "text/html; charset=big5").text()).isEqualTo(text);
  }

  @Test
  void strayLeadByteNeverSwallowsTheAsciiByteAfterIt() {
    byte[] body = concat("<p>a".getBytes(StandardCharsets.US_ASCII), 0x8E, "<title>x</title>".getBytes(StandardCharsets.US_ASCII));
    for (String label : new String[] {"euc-jp", "big5", "gbk", "gb18030", "shift_jis", "euc-kr"}) {
      assertThat(PageDecoder.decode(body, "text/html; charset=" + label).text()).as(label)
          .isEqualTo("<p>a\uFFFD<title>x</title>");
    }
  }

  @Test
  void metaNamingUtf16OnAsciiBytesMeansUtf8() {
    byte[] body = "<meta charset=\"utf-16\"><title>Grüße</title>".getBytes(StandardCharsets.UTF_8);
    DecodedText d = PageDecoder.decode(body, "text/html");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TitleScanner.title(d.text())).isEqualTo("Grüße");
  }

  @Test
  void headerUtf16WithoutABomIsLittleEndian() {
    byte[] body = "<title>Grüße</title>".getBytes(StandardCharsets.UTF_16LE);
    for (String label : new String[] {"utf-16", "unicode", "UTF-16LE"}) {
      assertThat(PageDecoder.decode(body, "text/html; charset=" + label).text()).as(label).isEqualTo("<title>Grüße</title>");
    }
  }

  @Test
  void xmlDeclarationChoosesTheCharsetOfXmlTypesAndOfHtmlWithoutAMetaCharset() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>Привет</title></rss>"
        .getBytes(Charset.forName("windows-1251"));
    assertThat(PageDecoder.decode(body, "application/rss+xml").text()).contains("<title>Привет</title>");
    assertThat(charsetName(body, "text/xml")).isEqualTo("windows-1251");
    assertThat(charsetName(body, "application/xhtml+xml")).isEqualTo("windows-1251");
    assertThat(charsetName(body, "text/html")).isEqualTo("windows-1251");  // the prescan's last step, as browsers
    assertThat(charsetName(body, "text/xml; charset=koi8-r")).isEqualTo("KOI8-R");
  }

  @Test
  void anXhtmlPageServedAsHtmlIsDecodedAsItsXmlDeclarationSays() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0"
        + " Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>привет</title></head></html>")
        .getBytes(Charset.forName("windows-1251"));
    for (String contentType : new String[] {"text/html", null}) {  // untyped: sniffed as HTML, XHTML follows
      DecodedText d = PageDecoder.decode(body, contentType);
      assertThat(d.charset().name()).as(contentType).isEqualTo("windows-1251");
      assertThat(TitleScanner.title(d.text())).as(contentType).isEqualTo("привет");
    }
  }

  @Test
  void inHtmlAMetaCharsetWinsOverTheXmlDeclaration() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><meta charset=koi8-r><title>Привет</title>"
        .getBytes(Charset.forName("KOI8-R"));
    assertThat(charsetName(body, "text/html")).isEqualTo("KOI8-R");
    byte[] utf16 = "<?xml version=\"1.0\" encoding=\"utf-16\"?><title>Grüße</title>".getBytes(StandardCharsets.UTF_8);
    assertThat(charsetName(utf16, "text/html")).isEqualTo("UTF-8");  // ASCII bytes are not UTF-16, as for <meta>
  }

  @Test
  void aCharsetTextInsideAnotherParameterIsNotTheHeadersCharset() {
    Charset cp1251 = Charset.forName("windows-1251");
    byte[] page = "<meta charset=windows-1251><title>Привет</title>".getBytes(cp1251);
    byte[] bare = "<title>Привет</title>".getBytes(cp1251);
    assertThat(charsetName(page, "text/html; xcharset=koi8-r")).isEqualTo("windows-1251");
    assertThat(charsetName(bare, "text/html; foo=\"charset=koi8-r\"; charset=windows-1251")).isEqualTo("windows-1251");
    assertThat(PageDecoder.decode(bare, "text/html; charset=\"windows-1251").text()).isEqualTo("<title>Привет</title>");
  }

  @Test
  void aHeaderCharsetWithoutAMediaTypeIsIgnoredAsBrowsersIgnoreIt() {
    Charset cp1251 = Charset.forName("windows-1251");
    byte[] page = "<meta charset=windows-1251><title>Привет</title>".getBytes(cp1251);
    assertThat(charsetName(page, "; charset=iso-8859-2")).isEqualTo("windows-1251");
    assertThat(charsetName(page, "charset=iso-8859-2")).isEqualTo("windows-1251");
    assertThat(charsetName("<title>x</title>".getBytes(StandardCharsets.US_ASCII), "charset=iso-8859-2")).isEqualTo("UTF-8");
  }

  @Test
  void anUntypedXmlBodyIsDecodedAsItsXmlDeclarationSays() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Привет</title></channel></rss>"
        .getBytes(Charset.forName("windows-1251"));
    assertThat(PageDecoder.decode(body, null).text()).contains("<title>Привет</title>");
    assertThat(charsetName(body, null)).isEqualTo("windows-1251");
  }

  @Test
  void xmlTypesDoNotReadMetaTags() {
    byte[] body = "<html><meta charset=\"koi8-r\"/><title>x</title></html>".getBytes(StandardCharsets.US_ASCII);
    assertThat(charsetName(body, "application/xhtml+xml")).isEqualTo("UTF-8");
    assertThat(charsetName(body, "text/html")).isEqualTo("KOI8-R");
  }

  @Test
  void utf8PageWithOneBadByteKeepsTheHeadersUtf8() {
    byte[] text = ("<meta charset=\"gbk\"><title>" + CHINESE + " – 日本語</title>").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(text, 0xE6, 0x96);  // a truncated excerpt: the last character cut in two
    DecodedText d = PageDecoder.decode(body, "text/html; charset=utf-8");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TitleScanner.title(d.text())).isEqualTo(CHINESE + " – 日本語");
  }
}
