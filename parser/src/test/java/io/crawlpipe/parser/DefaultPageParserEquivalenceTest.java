package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code parse(page)} scans bytes where it can; it must give what decoding the whole body gives. */
class DefaultPageParserEquivalenceTest {
  private static final DefaultPageParser PARSER = new DefaultPageParser();
  private static final Charset GBK = Charset.forName("GBK");
  private static final String CHINESE = "新浪首页";
  private static final String HTML = "text/html";

  private static ParsedPage decodingFirst(Page page) {
    return PARSER.parse(page, () -> PageDecoder.decode(page.body(), page.contentType()));
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      else if (part instanceof byte[] b) out.writeBytes(b);
      else out.write((Integer) part);
    }
    return out.toByteArray();
  }

  private static Arguments page(String name, String contentType, byte[] body, String title, String charset) {
    return Arguments.of(name, new Page("http://127.0.0.1/", contentType, body), title, charset);
  }

  private static Arguments utf8(String name, String html, String title) {
    return page(name, HTML + "; charset=utf-8", bytes(html), title, "UTF-8");
  }

  static Stream<Arguments> pages() {
    Charset sjis = Charset.forName("Shift_JIS");
    Charset big5 = Charset.forName("Big5-HKSCS");
    return Stream.of(
        utf8("entities", "<title>Fish &amp; Chips&nbsp;&#8211;   menu</title>", "Fish & Chips – menu"),
        utf8("whitespace", "<title>\n  a \t b\r\n</title>", "a b"),
        utf8("uppercase tags", "<HTML><HEAD><TITLE lang=en>Welcome</TITLE>", "Welcome"),
        utf8("titlebar first", "<titlebar>no</titlebar><title>yes</title>", "yes"),
        utf8("no title", "<html><body>hi</body></html>", null),
        utf8("unterminated title", "<title>cut off", "cut off"),
        utf8("open tag ends the body", "<p>x</p><title>", ""),
        utf8("tag name ends the body", "<p>x</p><title", null),
        utf8("open tag never closed", "<p>x</p><title lang=en", null),
        utf8("multi-byte title", "<title>Ünïcode ✓ 日本語 😀</title>", "Ünïcode ✓ 日本語 😀"),
        utf8("U+3000 after the tag name", "<title\u3000x>no</title>", null),
        page("empty body", HTML, new byte[0], null, "UTF-8"),
        page("windows-1252", HTML + "; charset=windows-1252",
            "<title>café – naïve €</title>".getBytes(Charset.forName("windows-1252")), "café – naïve €", "windows-1252"),
        page("iso-8859-1 header is windows-1252", HTML + "; charset=ISO-8859-1",
            bytes("<title>", 0x80, "</title>"), "€", "windows-1252"),
        page("windows-1254 dotted capital I is not an i", HTML + "; charset=windows-1254",
            bytes("<t", 0xDD, "tle>x</title>"), null, "windows-1254"),
        page("GBK trail bytes spell title", HTML + "; charset=gbk",
            "<title>乼乮乼乴乪 a</乼乮乼乴乪>b 乀両乀丩丒 乗亅</title>".getBytes(GBK),
            "乼乮乼乴乪 a</乼乮乼乴乪>b 乀両乀丩丒 乗亅", "GBK"),
        page("Shift_JIS trail bytes spell title", HTML + "; charset=Shift_JIS",
            "<title>フナフネテ ソ表能</title>".getBytes(sjis), "フナフネテ ソ表能", "Shift_JIS"),
        page("Big5 from meta, trail bytes spell title", HTML,
            "<meta charset=big5><title>ろもろゅま 許功蓋</title>".getBytes(big5), "ろもろゅま 許功蓋", "Big5"),
        page("GBK lead bytes before the tags", HTML + "; charset=gbk",
            bytes(0x81, "<title>x", 0x81, "</title>"), "x\uFFFD", "GBK"),
        page("truncated UTF-8 before the closing tag", HTML + "; charset=utf-8",
            bytes("<title>ab", 0xE3, 0x81, "</title>"), "ab\uFFFD", "UTF-8"),
        page("UTF-8 BOM beats the header", HTML + "; charset=iso-8859-1",
            bytes(0xEF, 0xBB, 0xBF, "<title>Ünïcode</title>"), "Ünïcode", "UTF-8"),
        page("UTF-16LE BOM", HTML, bytes(0xFF, 0xFE, "<title>x</title>".getBytes(StandardCharsets.UTF_16LE)),
            "x", "UTF-16LE"),
        page("UTF-16BE BOM", HTML, bytes(0xFE, 0xFF, "<title>x</title>".getBytes(StandardCharsets.UTF_16BE)),
            "x", "UTF-16BE"),
        page("lying UTF-8 header, GBK meta", HTML + "; charset=utf-8",
            ("<meta charset=\"gbk\"><title>" + CHINESE + "</title>").getBytes(GBK), CHINESE, "GBK"),
        page("GBK meta inside the first 4 KiB", HTML,
            ("<!--" + "-".repeat(4000) + "--><meta charset=gbk><title>" + CHINESE + "</title>").getBytes(GBK),
            CHINESE, "GBK"),
        page("GBK meta after the first 4 KiB", HTML,
            ("<!--" + "-".repeat(4100) + "--><meta charset=gbk><title>" + CHINESE + "</title>").getBytes(GBK),
            "ÐÂÀËÊ×Ò³", "windows-1252"),  // undeclared, and plainly not UTF-8
        page("gb18030 four-byte sequences", HTML + "; charset=gb18030",
            ("<title>" + CHINESE + " 𠀀</title>").getBytes(Charset.forName("GB18030")), CHINESE + " 𠀀", "gb18030"),
        page("EUC-JP lead byte does not swallow the tag", HTML + "; charset=euc-jp",
            bytes(0x9E, "<title>x</title>"), "x", "EUC-JP"),
        page("Shift_JIS is windows-31j", HTML + "; charset=shift_jis",
            "<title>髙橋 﨑 ① ㈱</title>".getBytes(Charset.forName("windows-31j")), "髙橋 﨑 ① ㈱", "Shift_JIS"),
        page("meta utf-16 on ASCII bytes is UTF-8", HTML, bytes("<meta charset=utf-16><title>Grüße</title>"),
            "Grüße", "UTF-8"),
        page("header utf-16 without a BOM", HTML + "; charset=utf-16",
            "<title>x</title>".getBytes(StandardCharsets.UTF_16LE), "x", "UTF-16LE"),
        page("untyped body with a UTF-16LE BOM", null,
            bytes(0xFF, 0xFE, "<title>x</title>".getBytes(StandardCharsets.UTF_16LE)), "x", "UTF-16LE"),
        page("XHTML's XML declaration", "application/xhtml+xml",
            "<?xml version='1.0' encoding='koi8-r'?><html><title>Привет</title>".getBytes(Charset.forName("KOI8-R")),
            "Привет", "KOI8-R"),
        page("XHTML's XML declaration served as HTML", HTML,
            "<?xml version='1.0' encoding='koi8-r'?><html><title>Привет</title>".getBytes(Charset.forName("KOI8-R")),
            "Привет", "KOI8-R"),
        page("untyped XHTML's XML declaration", null,
            "<?xml version='1.0' encoding='koi8-r'?><html><title>Привет</title>".getBytes(Charset.forName("KOI8-R")),
            "Привет", "KOI8-R"),
        page("title in a template", HTML, bytes("<template><title>Tpl</title></template><title>Real</title>"),
            "Real", "UTF-8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void parseGivesTheTitleAndCharsetOfDecodingTheWholeBody(String name, Page page, String title, String charset) {
    ParsedPage parsed = PARSER.parse(page);

    assertThat(parsed).isEqualTo(decodingFirst(page));
    assertThat(parsed.title()).isEqualTo(title);
    assertThat(parsed.charset()).isEqualTo(charset);
  }

  @Test
  void parseEqualsDecodingFirstOnRandomPagesAndHeaders() {
    List<String> contentTypes = new ArrayList<>(List.of(HTML, HTML + "; charset=utf-8", HTML + "; charset=gbk",
        HTML + "; charset=Shift_JIS", HTML + "; charset=big5", HTML + "; charset=windows-1252",
        HTML + "; charset=utf-16", HTML + "; charset=gb18030", HTML + "; charset=euc-jp", HTML + "; charset=nonsense",
        HTML + "; charset=euc-kr", HTML + "; charset=iso-2022-jp", "application/xhtml+xml"));
    contentTypes.add(null);
    List<String> prefixes = List.of("", "\uFEFF", "<meta charset=gbk>", "<meta charset=shift_jis>",
        "<meta http-equiv=Content-Type content='text/html; charset=big5'>", "<meta charset=euc-kr>",
        "<?xml version='1.0' encoding='gb18030'?>", "<meta charset=utf-16>", "<template>");
    RandomPages pages = new RandomPages(7L, List.of("<title>", "<TITLE ", "</title>", "</TiTlE", "<titlebar>",
        "<title", "<", ">", "/", " ", "\n", "&amp;", "&#8211;", "t", "i", "e"));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String contentType = contentTypes.get(pages.nextInt(contentTypes.size()));
      byte[] body = bytes(prefixes.get(pages.nextInt(prefixes.size())), pages.next(GBK, 20));
      Page page = new Page("http://127.0.0.1/", contentType, body);
      if (!PARSER.parse(page).equals(decodingFirst(page))) {
        mismatches.add(contentType + " " + HexFormat.of().formatHex(body));
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
