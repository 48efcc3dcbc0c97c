package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.field;
import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XPathSelectionTest {
  private static final String HTML = """
      <!doctype html>
      <html><head><title>T</title><script>var data = {"a": 1};</script></head><body>
      <!-- a comment -->
      <div id="a" class="x y">Hello <b>bold</b> world<a href="/p" data-id="7">link</a></div>
      <svg:rect width="1"></svg:rect>
      <p>one</p><p>two</p><p>three</p>
      </body></html>""";

  @Test
  void attributesYieldTheirValues() {
    assertThat(field("{\"xpath\": \"//a/@href\"}", HTML)).isEqualTo("/p");
    // XPath leaves the order of one element's attributes open; crawlpipe keeps them as written.
    assertThat(field("{\"xpath\": \"//div/@*\", \"all\": true}", HTML)).isEqualTo(List.of("a", "x y"));
    assertThat(field("{\"xpath\": \"//a[@data-id='7']/@href\", \"all\": true}", HTML)).isEqualTo(List.of("/p"));
    assertThat(field("{\"xpath\": \"//a/@missing\"}", HTML)).isNull();
  }

  @Test
  void scriptTextIsReadAsItIs() {
    assertThat(field("{\"xpath\": \"//script/text()\"}", HTML)).isEqualTo("var data = {\"a\": 1};");
  }

  @Test
  void textNodesAreNormalisedAndCommentsYieldNothing() {
    assertThat(field("{\"xpath\": \"//div/text()\", \"all\": true}", HTML)).isEqualTo(List.of("Hello", "world"));
    assertThat(field("{\"xpath\": \"//comment()\", \"all\": true}", HTML)).isEqualTo(List.of());
    assertThat(field("{\"xpath\": \"//div/node()\", \"all\": true}", HTML))
        .isEqualTo(List.of("Hello", "bold", "world", "link"));
  }

  @Test
  void titleAndPreTextIsNormalisedLikeNormalizeSpace() {
    String page = "<title>\n  Hello\u3000  World\n</title><pre>a\r\n  b</pre><p>\u202f<b> c </b>\n</p>";
    assertThat(field("{\"xpath\": \"//title\"}", page)).isEqualTo("Hello World");
    assertThat(field("{\"xpath\": \"//title/text()\"}", page)).isEqualTo("Hello World");
    assertThat(field("{\"xpath\": \"//pre\"}", page)).isEqualTo("a b");
    assertThat(field("{\"xpath\": \"//pre/text()\"}", page)).isEqualTo("a b");
    assertThat(field("{\"xpath\": \"//p/node()\", \"all\": true}", page)).isEqualTo(List.of("", "c", ""));
  }

  @Test
  void stringValuesComparisonsAndPositionsFollowXPath() {
    assertThat(field("{\"xpath\": \"//div[contains(., 'bold world')]/@id\"}", HTML)).isEqualTo("a");
    assertThat(field("{\"xpath\": \"//p[. = 'two']/following-sibling::p\", \"all\": true}", HTML))
        .isEqualTo(List.of("three"));
    assertThat(field("{\"xpath\": \"//p[last()]\"}", HTML)).isEqualTo("three");
    assertThat(field("{\"xpath\": \"//p[3]/preceding-sibling::p[1]\"}", HTML)).isEqualTo("two");
    assertThat(field("{\"xpath\": \"//p[3]/preceding-sibling::p\", \"all\": true}", HTML))
        .isEqualTo(List.of("one", "two"));
    assertThat(field("{\"xpath\": \"//p[2] | //title | //p[1]\", \"all\": true}", HTML))
        .isEqualTo(List.of("T", "one", "two"));
    assertThat(field("{\"xpath\": \"//p[string-length(.) > 3]\"}", HTML)).isEqualTo("three");
  }

  @Test
  void namesAreTagNamesWithoutNamespaces() {
    assertThat(field("{\"xpath\": \"//rect/@width\"}", HTML)).isEqualTo("1");
    assertThat(field("{\"xpath\": \"//*[name() = 'svg:rect']/@width\"}", HTML)).isEqualTo("1");
    assertThat(field("{\"xpath\": \"//svg:rect\"}", HTML)).isNull();
    assertThat(field("{\"xpath\": \"//P\"}", HTML)).isNull();
    assertThat(field("{\"xpath\": \"/html/body/p\"}", HTML)).isEqualTo("one");
  }

  @Test
  void followingAndPrecedingFromAnAttributeStartAtItsElement() {
    String page = "<html><body><div><b>1</b><b>2</b></div><p id=p>x<i>y</i></p><u>z</u></body></html>";
    assertThat(field("{\"xpath\": \"//p/@id/following::*\", \"all\": true}", page)).isEqualTo(List.of("y", "z"));
    assertThat(field("{\"xpath\": \"//p/@id/preceding::*[1]\"}", page)).isEqualTo("2");
    assertThat(field("{\"xpath\": \"//p/@id/following::text()\", \"all\": true}", page))
        .isEqualTo(List.of("x", "y", "z"));
  }

  @Test
  void resultsComeInDocumentOrderWithAttributesAfterTheirElement() {
    String page = "<html><body><ul id=u><li id=a>1</li><li id=b>2</li></ul></body></html>";
    assertThat(field("{\"xpath\": \"//li[2] | //@id | //li[1]/text()\", \"all\": true}", page))
        .isEqualTo(List.of("u", "a", "1", "2", "b"));
    assertThat(field("{\"xpath\": \"(//li/ancestor::*)[1]\"}", page)).isEqualTo("1 2");
  }

  @Test
  void adjacentTextAndCdataAreOneTextNode() {
    String page = "<html><body><svg><text><![CDATA[a < b]]> and c</text></svg></body></html>";
    assertThat(field("{\"xpath\": \"//text/text()\", \"all\": true}", page)).isEqualTo(List.of("a < b and c"));
    assertThat(field("{\"xpath\": \"//text[count(node()) = 1]\"}", page))
        .isEqualTo("a < b and c");
  }

  @Test
  void idFindsTheElementWithThatId() {
    assertThat(field("{\"xpath\": \"id('a')/b\"}", HTML)).isEqualTo("bold");
    assertThat(field("{\"xpath\": \"id('missing a')/@class\"}", HTML)).isEqualTo("x y");
    String list = "<html><body><ul><li id=a>A</li><li id=b>B</li><li id=c>C</li></ul></body></html>";
    assertThat(field("{\"xpath\": \"id('c a c')\", \"all\": true}", list)).isEqualTo(List.of("A", "C"));
    assertThat(field("{\"xpath\": \"id('c a')[1]\"}", list)).isEqualTo("A");
    assertThat(field("{\"xpath\": \"id('')\"}", HTML)).isNull();
  }

  @Test
  void aNodeTestStepAppliesItsPredicatesFromEachContextNode() {
    String page = "<html><body><dl><dt>k1</dt>: v1<br><dt>k2</dt>: v2<br><dt>k3</dt>: v3</dl></body></html>";
    assertThat(field("{\"xpath\": \"//dt/following-sibling::text()[1]\", \"all\": true}", page))
        .isEqualTo(List.of(": v1", ": v2", ": v3"));
    assertThat(field("{\"xpath\": \"//dt/following-sibling::node()[1]\", \"all\": true}", page))
        .isEqualTo(List.of(": v1", ": v2", ": v3"));
    assertThat(field("{\"xpath\": \"//dt/preceding-sibling::text()[1]\", \"all\": true}", page))
        .isEqualTo(List.of(": v1", ": v2"));
  }

  @Test
  void langReadsTheNearestLangAttribute() {
    String page = "<html lang=en-GB><body><p>uk</p><div xml:lang=fr><p>fr</p></div><p lang=de>de</p></body></html>";
    assertThat(field("{\"xpath\": \"//p[lang('en')]\", \"all\": true}", page)).isEqualTo(List.of("uk"));
    assertThat(field("{\"xpath\": \"//p[lang('FR')]\", \"all\": true}", page)).isEqualTo(List.of("fr"));
    assertThat(field("{\"xpath\": \"//p[lang('en-GB')] | //p[lang('de')]\", \"all\": true}", page))
        .isEqualTo(List.of("uk", "de"));
    assertThat(field("{\"xpath\": \"//p[lang('e')]\"}", page)).isNull();
  }

  @Test
  void itemFieldsAreRelativeToTheirContainerButAbsolutePathsAreNot() {
    String spec = """
        {"xpath": "//p", "item": {"self": {"xpath": "."}, "next": {"xpath": "./following-sibling::p"},
          "first": {"xpath": "//p"}, "title": {"xpath": "/html/head/title"}}}""";
    assertThat(field(spec, HTML)).isEqualTo(List.of(
        map("self", "one", "next", "two", "first", "one", "title", "T"),
        map("self", "two", "next", "three", "first", "one", "title", "T"),
        map("self", "three", "next", null, "first", "one", "title", "T")));
  }

  @Test
  void manyItemsWithXPathFieldsYieldOneObjectEach() {
    StringBuilder page = new StringBuilder("<html><body>");
    for (int i = 0; i < 3000; i++) page.append("<div class=item><a href=/x").append(i).append(">item ").append(i).append("</a></div>");
    String spec = """
        {"xpath": "//div[@class='item']", "item": {"name": {"xpath": "./a"}, "url": {"xpath": "./a/@href"}}}""";

    List<?> items = (List<?>) field(spec, page.append("</body></html>").toString());

    assertThat(items).hasSize(3000);
    assertThat(items.get(2999)).isEqualTo(map("name", "item 2999", "url", "/x2999"));
  }
}
