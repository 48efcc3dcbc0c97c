package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.field;
import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorExtractorTest {
  private static final String HTML = """
      <html><body>
      <h1> Main <small>heading</small></h1>
      <ul id="list">
        <li class="x"><a href="/one#top" title="first">One</a> own</li>
        <li class="x"><a href="two.html">Two</a></li>
        <li class="x"><a name="anchor">No link</a></li>
      </ul>
      </body></html>""";

  @Test
  void cssYieldsTheFirstMatchTextByDefault() {
    assertThat(field("{\"css\": \"h1\"}", HTML)).isEqualTo("Main heading");
    assertThat(field("{\"css\": \"li a\"}", HTML)).isEqualTo("One");
  }

  @Test
  void allYieldsEveryMatchInDocumentOrder() {
    assertThat(field("{\"css\": \"li a\", \"all\": true}", HTML)).isEqualTo(List.of("One", "Two", "No link"));
  }

  @Test
  void textIsWhitespaceNormalisedInTitlePreAndTextareaToo() {
    String page = "<title>\n    My Site\n    | Home\n  </title><pre>\na\r\nb <b>c\u3000\u202fd</b>\n</pre>"
        + "<textarea>\n one\r\n\ttwo\n</textarea><p>\u2007x\u00a0\u00a0y\u2028</p>";
    assertThat(field("{\"css\": \"title\"}", page)).isEqualTo("My Site | Home");
    assertThat(field("{\"css\": \"pre\"}", page)).isEqualTo("a b c d");
    assertThat(field("{\"css\": \"textarea\"}", page)).isEqualTo("one two");
    assertThat(field("{\"css\": \"p\"}", page)).isEqualTo("x y");
  }

  @Test
  void wholeTextKeepsLineBreaksWithLineFeedsOnly() {
    String page = "<pre>\r\n  a\r\n\tb <b>c\rd</b><br>e&amp;\n</pre><div> x <script>s()</script><p>y</p>\n</div>";
    assertThat(field("{\"css\": \"pre\", \"value\": \"whole_text\"}", page)).isEqualTo("  a\n\tb c\nd\ne&\n");
    assertThat(field("{\"css\": \"div\", \"value\": \"whole_text\"}", page)).isEqualTo(" x y\n");
    assertThat(field("{\"xpath\": \"//pre\", \"value\": \"whole_text\"}", page)).isEqualTo("  a\n\tb c\nd\ne&\n");
    assertThat(field("{\"xpath\": \"//pre/text()\"}", page)).isEqualTo("a b");
  }

  @Test
  void ownTextLeavesOutDescendants() {
    assertThat(field("{\"css\": \"h1\", \"value\": \"own_text\"}", HTML)).isEqualTo("Main");
    assertThat(field("{\"css\": \"li\", \"value\": \"own_text\"}", HTML)).isEqualTo("own");
  }

  @Test
  void ownTextIsWhitespaceNormalisedInTitleAndPreToo() {
    String page = "<title>\n  My Site\n  | Home\n</title><pre>a\r\n  b<b>no</b>\u3000c\n</pre>";
    assertThat(field("{\"css\": \"title\", \"value\": \"own_text\"}", page)).isEqualTo("My Site | Home");
    assertThat(field("{\"xpath\": \"//pre\", \"value\": \"own_text\"}", page)).isEqualTo("a b c");
  }

  @Test
  void controlsAtEitherEndOfAFieldsTextAreTrimmedAsJsoupTrimsButATextNodeKeepsThem() {
    String page = "<title>\u001fA\u001fB\u001f</title><h1>\u0001X\u0001</h1><h2>\u007fY\u0085</h2>";
    assertThat(field("{\"css\": \"title\"}", page)).isEqualTo("A\u001fB");
    assertThat(field("{\"css\": \"h2\"}", page)).as("DEL stays; U+0085 is whitespace").isEqualTo("\u007fY");
    assertThat(field("{\"css\": \"h1\"}", page)).isEqualTo("X");
    assertThat(field("{\"xpath\": \"//h1\"}", page)).isEqualTo("X");
    assertThat(field("{\"xpath\": \"//h1/text()\"}", page)).isEqualTo("\u0001X\u0001");
  }

  @Test
  void aScriptsOrStylesTextIsItsContentThoughAnAncestorsTextLeavesItOut() {
    String page = "<script type=\"application/ld+json\">\r\n{\"name\": \"A  B\",\n \"n\": 1}\r\n</script>"
        + "<style>p { }</style><div>x <script>s()</script></div>";
    String ldCss = "{\"css\": \"script[type=application/ld+json]\"";
    String ldXPath = "{\"xpath\": \"//script[@type=\\\"application/ld+json\\\"]\"";
    assertThat(field(ldCss + "}", page)).isEqualTo("{\"name\": \"A B\", \"n\": 1}");
    assertThat(field(ldCss + ", \"value\": \"own_text\"}", page)).isEqualTo("{\"name\": \"A B\", \"n\": 1}");
    assertThat(field(ldCss + ", \"value\": \"whole_text\"}", page)).isEqualTo("\n{\"name\": \"A  B\",\n \"n\": 1}\n");
    assertThat(field(ldXPath + "}", page)).isEqualTo("{\"name\": \"A B\", \"n\": 1}");
    assertThat(field("{\"css\": \"style\"}", page)).isEqualTo("p { }");
    assertThat(field("{\"css\": \"div\"}", page)).isEqualTo("x");
    assertThat(field("{\"css\": \"div\", \"value\": \"whole_text\"}", page)).isEqualTo("x ");
  }

  @Test
  void htmlIsOuterHtmlAndInnerHtmlIsTheContent() {
    assertThat(field("{\"css\": \"small\", \"value\": \"html\"}", HTML)).isEqualTo("<small>heading</small>");
    assertThat(field("{\"css\": \"h1\", \"value\": \"inner_html\"}", HTML)).isEqualTo(" Main <small>heading</small>");
  }

  @Test
  void htmlKeepsThePagesOwnLayoutRatherThanJsoupsIndentation() {
    String page = "<div class=\"item\"><p>a</p><p>b</p>\n  <span>s1</span></div>";
    assertThat(field("{\"css\": \"div.item\", \"value\": \"html\"}", page)).isEqualTo(page);
    assertThat(field("{\"css\": \"div.item\", \"value\": \"inner_html\"}", page))
        .isEqualTo("<p>a</p><p>b</p>\n  <span>s1</span>");
  }

  @Test
  void attributeValuesSkipElementsWithoutTheAttribute() {
    assertThat(field("{\"css\": \"li a\", \"value\": \"attr:href\", \"all\": true}", HTML))
        .isEqualTo(List.of("/one#top", "two.html"));
    assertThat(field("{\"css\": \"li a\", \"value\": \"attr:title\"}", HTML)).isEqualTo("first");
  }

  @Test
  void absResolvesAgainstThePageUrl() {
    assertThat(field("{\"css\": \"li a\", \"value\": \"abs:href\", \"all\": true}", HTML))
        .isEqualTo(List.of("https://example.com/one#top", "https://example.com/dir/two.html"));
  }

  @Test
  void absWritesTheUrlAsABrowsersHrefDoes() {
    String html = """
        <a href="/My Doc.html#part 2">a</a> <a href="HTTP://Bücher.Example:80/a/../b?q=é">b</a>
        <a href="http://h:65536/">bad port</a> <a href="mailto:Me@Example.com">mail</a>""";
    assertThat(field("{\"css\": \"a\", \"value\": \"abs:href\", \"all\": true}", html)).isEqualTo(List.of(
        "https://example.com/My%20Doc.html#part%202", "http://xn--bcher-kva.example/b?q=%C3%A9", "mailto:Me@Example.com"));
    assertThat(field("{\"xpath\": \"//a\", \"value\": \"abs:href\"}", html))
        .isEqualTo("https://example.com/My%20Doc.html#part%202");
  }

  @Test
  void noMatchIsNullOrAnEmptyList() {
    assertThat(field("{\"css\": \"table td\"}", HTML)).isNull();
    assertThat(field("{\"css\": \"table td\", \"all\": true}", HTML)).isEqualTo(List.of());
    assertThat(field("{\"css\": \"h1\", \"value\": \"attr:missing\"}", HTML)).isNull();
  }

  @Test
  void xpathSelectsElementsAndTextNodes() {
    assertThat(field("{\"xpath\": \"//ul[@id='list']/li/a\", \"all\": true}", HTML))
        .isEqualTo(List.of("One", "Two", "No link"));
    assertThat(field("{\"xpath\": \"//h1/text()\", \"trim\": true}", HTML)).isEqualTo("Main");
    assertThat(field("{\"xpath\": \"//li/a\", \"value\": \"abs:href\"}", HTML)).isEqualTo("https://example.com/one#top");
    assertThat(field("{\"xpath\": \"//table\"}", HTML)).isNull();
  }

  @Test
  void itemsEvaluateTheirFieldsRelativeToEachContainer() {
    String spec = """
        {"css": "li.x", "item": {
          "name": {"css": "a"},
          "url": {"xpath": "./a", "value": "abs:href"},
          "tags": {"css": "b", "all": true}}}""";
    assertThat(field(spec, HTML)).isEqualTo(List.of(
        map("name", "One", "url", "https://example.com/one#top", "tags", List.of()),
        map("name", "Two", "url", "https://example.com/dir/two.html", "tags", List.of()),
        map("name", "No link", "url", null, "tags", List.of())));
  }

  @Test
  void itemsCanNestAndCanYieldOnlyTheFirstContainer() {
    String spec = """
        {"css": "ul", "all": false, "item": {"links": {"css": "li", "item": {"text": {"css": "a"}}}}}""";
    assertThat(field(spec, HTML)).isEqualTo(Map.of("links",
        List.of(Map.of("text", "One"), Map.of("text", "Two"), Map.of("text", "No link"))));
  }

  @Test
  void malformedHtmlStillYieldsWhatCanBeFound() {
    String broken = "<div class=card><p>First<div class=card><p>Second</b></i><span>tail";
    assertThat(field("{\"css\": \"div.card > p\", \"value\": \"own_text\", \"all\": true}", broken)).isEqualTo(List.of("First", "Second"));
    assertThat(field("{\"css\": \"span\"}", broken)).isEqualTo("tail");
  }
}
