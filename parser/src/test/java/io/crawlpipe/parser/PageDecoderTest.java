package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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

  @Test
  void quotedCharsetParameterIsUnquoted() {
    assertThat(ContentTypes.charsetParameter("text/html; Charset=\"Shift_JIS\"")).isEqualTo("Shift_JIS");
    assertThat(ContentTypes.mediaType(" Text/HTML ; charset=x")).isEqualTo("text/html");
  }
}
