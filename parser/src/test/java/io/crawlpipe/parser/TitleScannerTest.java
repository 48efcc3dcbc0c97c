package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class TitleScannerTest extends TitleScanBehaviour {

  @Override
  String title(String html) {
    return TitleScanner.title(html);
  }

  @Test
  void findsTitleCaseInsensitivelyWithAttributes() {
    assertThat(TitleScanner.title("<HTML><HEAD><TITLE lang=en>Welcome</TITLE>")).isEqualTo("Welcome");
  }

  @Test
  void decodesEntitiesAndCollapsesWhitespace() {
    assertThat(TitleScanner.title("<title>\n  Fish &amp; Chips&nbsp;&#8211;   menu\n</title>"))
        .isEqualTo("Fish & Chips – menu");
  }

  @Test
  void noTitleIsNullAndEmptyTitleIsEmpty() {
    assertThat(TitleScanner.title("<html><body>hi</body></html>")).isNull();
    assertThat(TitleScanner.title("<title></title>")).isEmpty();
  }

  @Test
  void doesNotMistakeTitleLikeTags() {
    assertThat(TitleScanner.title("<titlebar>no</titlebar><title>yes</title>")).isEqualTo("yes");
  }

  @Test
  void unterminatedTitleRunsToEndOfDocument() {
    assertThat(TitleScanner.title("<title>cut off")).isEqualTo("cut off");
  }

  @Test
  void defaultParserReadsTitleOnlyFromHtml() {
    DefaultPageParser parser = new DefaultPageParser();
    byte[] html = "<title>Page</title>".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(new Page("http://x/", "text/html", html)).title()).isEqualTo("Page");
    assertThat(parser.parse(new Page("http://x/", "text/html", html)).charset()).isEqualTo("UTF-8");
    ParsedPage json = parser.parse(new Page("http://x/", "application/json", "{\"title\":1}".getBytes()));
    assertThat(json.title()).isNull();
    assertThat(json.charset()).isNull();
    assertThat(parser.parse(new Page("http://x/", null, html)).title()).isEqualTo("Page");
  }

  @Test
  void tagNamesMatchAsciiCaseInsensitivelyOnly() {
    // Character.toLowerCase('\u0130') is 'i', but browsers do not read <TİTLE> as a title tag.
    assertThat(TitleScanner.title("<T\u0130TLE>no</TITLE><TITLE>yes</T\u0130TLE></TITLE>")).isEqualTo("yes</T\u0130TLE>");
  }

  @Test
  void surrogateReferencesAreReplacedBeforeJsoupDecodes() {
    assertThat(TitleScanner.surrogateReferencesReplaced("x&#XDBFF;y&#xDC00&#0;&#x;&#")).isEqualTo("x\uFFFDy\uFFFD&#0;&#x;&#");
    assertThat(TitleScanner.surrogateReferencesReplaced("&#56320;&#56319&#57344;")).isEqualTo("\uFFFD\uFFFD&#57344;");
    String none = "a &#1; &#x1F600;";
    assertThat(TitleScanner.surrogateReferencesReplaced(none)).isSameAs(none);
  }

  @Test
  void textWithoutAnAmpersandIsWhatJsoupsEntityDecodingReturns() {
    Random random = new Random(7);
    String alphabet = "ab <>;#x\r\n\t\u0000\u00a0é中\uD83D\uDE00\"'";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(20); j > 0; j--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = s.toString();
      assertThat(Parser.unescapeEntities(text, false)).as(text).isEqualTo(text);
      assertThat(TitleScanner.clean(text)).isEqualTo(Whitespace.collapse(text.replace('\0', '\uFFFD')));
    }
  }
}
