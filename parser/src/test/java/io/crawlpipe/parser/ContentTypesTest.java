package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
  private static byte[] withBom(int first, int second, byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    out.write(second);
    out.writeBytes(text);
    return out.toByteArray();
  }

  @Test
  void quotedCharsetParameterIsUnquoted() {
    assertThat(ContentTypes.charsetParameter("text/html; Charset=\"Shift_JIS\"")).isEqualTo("Shift_JIS");
    assertThat(ContentTypes.mediaType(" Text/HTML ; charset=x")).isEqualTo("text/html");
  }

  @Test
  void onlyAParameterNamedCharsetIsTheCharset() {
    assertThat(ContentTypes.charsetParameter("text/html; xcharset=koi8-r")).isNull();
    assertThat(ContentTypes.charsetParameter("text/html; foo=\"charset=koi8-r\"; charset=windows-1251")).isEqualTo("windows-1251");
    assertThat(ContentTypes.charsetParameter("text/html; foo=\"a;charset=koi8-r\"")).isNull();
    assertThat(ContentTypes.charsetParameter("text/html; charset =koi8-r")).isNull();
    assertThat(ContentTypes.charsetParameter("text/html;\tCHARSET=koi8-r ; x=y")).isEqualTo("koi8-r");
  }

  @Test
  void theFirstCharsetParameterWithAValueWins() {
    assertThat(ContentTypes.charsetParameter("text/html; charset=gbk; charset=koi8-r")).isEqualTo("gbk");
    assertThat(ContentTypes.charsetParameter("text/html; charset=; charset=koi8-r")).isEqualTo("koi8-r");
    assertThat(ContentTypes.charsetParameter("text/html; charset=\"\"; charset=koi8-r")).isNull();
  }

  @Test
  void aQuotedValueIsUnescapedAndAnUnbalancedQuoteRunsToTheEnd() {
    assertThat(ContentTypes.charsetParameter("text/html; charset=\"windows-1251")).isEqualTo("windows-1251");
    assertThat(ContentTypes.charsetParameter("text/html; charset=\"koi\\8-r\"x; y=z")).isEqualTo("koi8-r");
    assertThat(ContentTypes.charsetParameter("text/html; charset='utf-8'")).isEqualTo("utf-8");
    assertThat(ContentTypes.charsetParameter("text/html")).isNull();
  }

  @Test
  void aContentTypeWhoseMediaTypeIsMissingOrInvalidHasNoCharset() {
    for (String invalid : new String[] {"; charset=iso-8859-2", "charset=iso-8859-2", " ;charset=koi8-r",
        "text; charset=koi8-r", "text/; charset=koi8-r", "/html; charset=koi8-r", "text /html; charset=koi8-r",
        "text/ html; charset=koi8-r", "text/html x; charset=koi8-r", "te\"xt/html; charset=koi8-r"}) {
      assertThat(ContentTypes.charsetParameter(invalid)).as(invalid).isNull();
      assertThat(ContentTypes.charsetParameter(ContentTypes.essential(invalid))).as(invalid).isNull();
    }
    assertThat(ContentTypes.charsetParameter(" \ttext/html \t; charset=koi8-r")).isEqualTo("koi8-r");
    assertThat(ContentTypes.charsetParameter("application/vnd.x+json;charset=koi8-r")).isEqualTo("koi8-r");
  }

  @Test
  void aContentTypeWithoutAValidMediaTypeIsNoMediaTypeSoTheBodyIsSniffedAsWithoutOne() {
    byte[] html = "<title>t</title>".getBytes(StandardCharsets.US_ASCII);
    byte[] xml = "<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.US_ASCII);
    for (String invalid : new String[] {"charset=utf-8", "UTF-8", "text", "; charset=utf-8", "text/", "/html",
        "text /html", "text/html x", "te\"xt/html", " ", ""}) {
      assertThat(ContentTypes.mediaType(invalid)).as(invalid).isNull();
      assertThat(ContentTypes.isTextual(invalid)).as(invalid).isTrue();
      assertThat(ContentTypes.isHtml(invalid, html)).as(invalid).isTrue();
      assertThat(ContentTypes.isXml(invalid, xml)).as(invalid).isTrue();
      assertThat(ContentTypes.essential(invalid)).as(invalid).isNull();
    }
    assertThat(ContentTypes.mediaType("\tapplication/rss+xml \t; charset=x")).isEqualTo("application/rss+xml");
    assertThat(ContentTypes.mediaType("IMAGE/PNG")).isEqualTo("image/png");
  }

  @Test
  void untypedBodyAfterAUtf16BomIsHtmlWhenItStartsWithMarkup() {
    assertThat(ContentTypes.isHtml(null, withBom(0xFF, 0xFE, "<html>".getBytes(StandardCharsets.UTF_16LE)))).isTrue();
    assertThat(ContentTypes.isHtml(null, withBom(0xFE, 0xFF, "\n <p>".getBytes(StandardCharsets.UTF_16BE)))).isTrue();
    assertThat(ContentTypes.isHtml(null, withBom(0xFF, 0xFE, "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)))).isFalse();
    assertThat(ContentTypes.isHtml(null, new byte[] {(byte) 0xFF, (byte) 0xFE})).isFalse();
  }

  @Test
  void untypedBytesStartingWithMarkupAreHtml() {
    assertThat(ContentTypes.isHtml(null, "\uFEFF <html>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(ContentTypes.isHtml(null, "plain <b>".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void anUntypedBodyStartingWithAnXmlDeclarationIsXmlNotHtml() {
    byte[] rss = "\uFEFF\n <?xml version=\"1.0\"?><rss>".getBytes(StandardCharsets.UTF_8);
    assertThat(ContentTypes.isHtml(null, rss)).isFalse();
    assertThat(ContentTypes.isXml(null, rss)).isTrue();
    byte[] utf16 = withBom(0xFE, 0xFF, "<?xml version=\"1.0\"?><feed>".getBytes(StandardCharsets.UTF_16BE));
    assertThat(ContentTypes.isHtml(null, utf16)).isFalse();
    assertThat(ContentTypes.isXml(null, utf16)).isTrue();
    byte[] html = "<?xm><html>".getBytes(StandardCharsets.US_ASCII);
    assertThat(ContentTypes.isHtml(null, html)).isTrue();
    assertThat(ContentTypes.isXml(null, html)).isFalse();
    assertThat(ContentTypes.isXml("text/html", rss)).isFalse();
    assertThat(ContentTypes.isHtml("text/html", rss)).isTrue();
  }

  @Test
  void anUntypedXhtmlPageWithAnXmlDeclarationIsStillHtml() {
    for (String page : new String[] {"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>",
        "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.css\"?><HTML>"}) {
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      assertThat(ContentTypes.isHtml(null, body)).as(page).isTrue();
      assertThat(ContentTypes.isXml(null, body)).as(page).isFalse();
    }
    byte[] utf16 = withBom(0xFF, 0xFE, "<?xml version=\"1.0\"?><html>".getBytes(StandardCharsets.UTF_16LE));
    assertThat(ContentTypes.isHtml(null, utf16)).isTrue();
    for (String feed : new String[] {"<?xml version=\"1.0\"?><htmlish>", "<?xml version=\"1.0\"?><rss><html>"}) {
      assertThat(ContentTypes.isHtml(null, feed.getBytes(StandardCharsets.UTF_8))).as(feed).isFalse();
    }
  }

  @Test
  void xmlTypesAreTheXmlAndPlusXmlOnes() {
    assertThat(ContentTypes.isXml("application/rss+xml; charset=x")).isTrue();
    assertThat(ContentTypes.isXml("text/xml")).isTrue();
    assertThat(ContentTypes.isXml("application/xhtml+xml")).isTrue();
    assertThat(ContentTypes.isXml("text/html")).isFalse();
    assertThat(ContentTypes.isXml(null)).isFalse();
  }
}
