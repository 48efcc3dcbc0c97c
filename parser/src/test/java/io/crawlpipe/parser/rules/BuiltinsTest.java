package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.data;
import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;

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
            "http://EXAMPLE.COM/C"),
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
  void linksHonourTheBaseElement() {
    String html = "<base href='https://cdn.example.net/x/'><a href='y.html'>y</a>";
    assertThat(data("{\"l\": {\"builtin\": \"links\"}}", html).get("l")).isEqualTo(List.of("https://cdn.example.net/x/y.html"));
  }
}
