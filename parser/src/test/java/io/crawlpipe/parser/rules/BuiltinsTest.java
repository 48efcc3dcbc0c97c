package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.data;
import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinsTest {
  private static final String FIELDS = """
      {"title": {"builtin": "title"}, "links": {"builtin": "links"},
       "description": {"builtin": "description"}, "canonical": {"builtin": "canonical"}}""";

  @Test
  void builtinsReadTitleLinksDescriptionAndCanonical() {
    String html = """
        <html><head><title> Fish &amp; Chips </title>
        <meta name="Description" content="  The best chips.  ">
        <link rel="canonical" href="/menu?lang=en">
        </head><body>
        <a href="/a#x">a</a> <a href="https://other.org/b">b</a> <a href="/a#y">a again</a>
        <a href="mailto:me@example.com">mail</a> <a href="javascript:void(0)">js</a> <a href="#top">top</a>
        <a href="HTTP://EXAMPLE.COM/C">c</a> <a>no href</a>
        </body></html>""";
    assertThat(data(FIELDS, html)).isEqualTo(map(
        "title", "Fish & Chips",
        "links", List.of("https://example.com/a", "https://other.org/b", "https://example.com/dir/page.html",
            "http://example.com/C"),
        "description", "The best chips.",
        "canonical", "https://example.com/menu?lang=en"));
  }

  @Test
  void builtinsAreNullOrEmptyWhenThePageHasNone() {
    assertThat(data(FIELDS, "<p>bare</p>")).isEqualTo(map(
        "title", null, "links", List.of(), "description", null, "canonical", null));
  }

  @Test
  void theTitleBuiltinIsTheResultLinesTitleSoNullForAPageThatIsNotHtml() {
    io.crawlpipe.parser.Page json = TestRules.json("{\"t\": \"<title>Inside JSON</title>\"}");
    io.crawlpipe.parser.ParsedPage parsed = TestRules.parser("{\"t\": {\"builtin\": \"title\"}}").parse(json);
    assertThat(parsed.title()).isNull();
    assertThat(parsed.data()).containsEntry("t", null);
  }

  @Test
  void linksAreWrittenAsABrowserWritesThemSoACrawlCanTakeThem() {
    String html = """
        <a href="/My Doc.html">space</a> <a href="/café/中?q=é x&amp;a=&quot;">non-ASCII</a>
        <a href="http://Bücher.Example/x">IDN</a> <a href="HTTPS://EXAMPLE.COM:443/Up">upper case, default port</a>
        <a href="http://h:8080/a/./b/../c">dot segments</a> <a href="../x/%2e%2e/y">escaped dots</a>
        <a href="/a%20b%zz">escapes kept</a>""";
    assertThat(data("{\"l\": {\"builtin\": \"links\"}}", html).get("l")).isEqualTo(List.of(
        "https://example.com/My%20Doc.html", "https://example.com/caf%C3%A9/%E4%B8%AD?q=%C3%A9%20x&a=%22",
        "http://xn--bcher-kva.example/x", "https://example.com/Up", "http://h:8080/a/c", "https://example.com/y",
        "https://example.com/a%20b%zz"));
  }

  @Test
  void linksThatAreTheSameUrlOnceWrittenOutAppearOnce() {
    String html = """
        <a href="http://h/a/../b">1</a> <a href="HTTP://H:80/a/../b">2</a> <a href="http://h/./b#top">3</a>
        <a href="http://h:080/b">4</a> <a href="/d e">5</a> <a href="/d%20e">6</a>""";
    assertThat(data("{\"l\": {\"builtin\": \"links\"}}", html).get("l"))
        .isEqualTo(List.of("http://h/b", "https://example.com/d%20e"));
  }

  @Test
  void linksWithoutAValidHostOrPortAreLeftOut() {
    String html = """
        <a href="http://h:65536/">port</a> <a href="http://1.2.3.256/">address</a> <a href="http://a%3Cb/">host</a>
        <a href="/ok">ok</a>""";
    assertThat(data("{\"l\": {\"builtin\": \"links\"}}", html).get("l")).isEqualTo(List.of("https://example.com/ok"));
  }

  @Test
  void canonicalIsWrittenAsABrowserWritesIt() {
    String canonical = "{\"c\": {\"builtin\": \"canonical\"}}";
    assertThat(data(canonical, "<link rel=canonical href='HTTPS://Example.com:443/Menü/../a b?x=é'>").get("c"))
        .isEqualTo("https://example.com/a%20b?x=%C3%A9");
    assertThat(data(canonical, "<link rel=canonical href='http://example.com:99999/'>").get("c")).isNull();
  }

  @Test
  void linksHonourTheBaseElement() {
    String html = "<base href='https://cdn.example.net/x/'><a href='y.html'>y</a>";
    assertThat(data("{\"l\": {\"builtin\": \"links\"}}", html).get("l")).isEqualTo(List.of("https://cdn.example.net/x/y.html"));
  }

  /**
   * Under {@link TestRules#boundByTicks}'s 25,600 units: 12,000 links are 12,000 elements visited
   * and 12,000 hrefs resolved; 14,000 are past it, though visiting their elements alone is not.
   */
  @Test
  void everyLinkResolvedCountsAgainstTheFieldTimeBound() {
    String links = "{\"builtin\": \"links\"}";
    assertThat((List<?>) TestRules.boundByTicks(links).parse(TestRules.html(anchors(12_000))).data().get("f")).hasSize(12_000);

    assertThatThrownBy(() -> TestRules.boundByTicks(links).parse(TestRules.html(anchors(14_000))))
        .isInstanceOfSatisfying(ExtractTimeoutException.class, e -> assertThat(e.limit()).isEqualTo(Duration.ofMillis(100)))
        .hasMessage("rule \"r\" field \"f\": builtin links ran longer than 100 ms: " + TestRules.URL);
  }

  @Test
  void descriptionAndCanonicalCountEveryElementVisited() {
    String page = "<p>x</p>".repeat(30_000);
    for (String builtin : List.of("description", "canonical")) {
      assertThatThrownBy(() -> TestRules.boundByTicks("{\"builtin\": \"" + builtin + "\"}").parse(TestRules.html(page)))
          .isInstanceOf(ExtractTimeoutException.class)
          .hasMessageStartingWith("rule \"r\" field \"f\": builtin " + builtin + " ran longer than 100 ms");
      assertThat(TestRules.boundByTicks("{\"builtin\": \"" + builtin + "\"}").parse(TestRules.html("<p>x</p>".repeat(20_000)))
          .data()).containsEntry("f", null);
    }
  }

  private static String anchors(int count) {
    StringBuilder page = new StringBuilder("<html><body>");
    for (int i = 0; i < count; i++) page.append("<a href='/p").append(i).append("'>").append(i).append("</a>");
    return page.append("</body></html>").toString();
  }
}
