package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feeds and other XML pages are parsed with jsoup's XML parser, as Scrapy's XmlResponse and BeautifulSoup's "xml" do. */
class FeedParsingTest {
  private static final String FEED_URL = "https://blog.example/feed/";
  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel>
        <title>The Blog</title>
        <link>https://blog.example/</link>
        <item>
          <title>First post</title>
          <link>https://blog.example/first/</link>
          <pubDate>Mon, 06 Jan 2025 10:00:00 +0000</pubDate>
          <description><![CDATA[<p>Hello <b>world</b></p>]]></description>
          <content:encoded><![CDATA[<p>The <i>whole</i> post</p>]]></content:encoded>
        </item>
        <item>
          <title>Second post</title>
          <link>https://blog.example/second/</link>
          <description>Plain &amp; simple</description>
        </item>
      </channel>
      </rss>""";
  private static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>The Blog</title>
        <entry><title>First post</title><link rel="alternate" href="/first/"/><updated>2025-01-06T10:00:00Z</updated>
          <summary type="html"><![CDATA[<p>Short</p>]]></summary></entry>
        <entry><title>Second post</title><link href="second/"/></entry>
      </feed>""";

  @Test
  void rssLinksAreTheirTextAndCdataIsItsContentAsText() {
    Map<String, Object> data = data("""
        {"links": {"css": "item > link", "all": true},
         "descriptions": {"css": "item > description", "all": true},
         "bold": {"css": "item > description b"},
         "xpath_links": {"xpath": "//item/link/text()", "all": true},
         "dates": {"xpath": "//item/pubDate"},
         "css_dates": {"css": "item > pubdate"}}""", new Page(FEED_URL, "application/rss+xml", bytes(RSS)));

    assertThat(data).isEqualTo(map(
        "links", List.of("https://blog.example/first/", "https://blog.example/second/"),
        "descriptions", List.of("<p>Hello <b>world</b></p>", "Plain & simple"),
        "bold", null,
        "xpath_links", List.of("https://blog.example/first/", "https://blog.example/second/"),
        "dates", "Mon, 06 Jan 2025 10:00:00 +0000",
        "css_dates", "Mon, 06 Jan 2025 10:00:00 +0000"));
  }

  @Test
  void prefixedNamesAreMatchedByCssPipeOrXPathLocalNameButNotByXPathPrefix() {
    Map<String, Object> data = data("""
        {"css": {"css": "content|encoded"},
         "local": {"xpath": "//item/encoded"},
         "name": {"xpath": "//*[name()='content:encoded']"},
         "prefix": {"xpath": "//content:encoded"}}""", new Page(FEED_URL, "application/rss+xml", bytes(RSS)));

    assertThat(data).isEqualTo(map("css", "<p>The <i>whole</i> post</p>", "local", "<p>The <i>whole</i> post</p>",
        "name", "<p>The <i>whole</i> post</p>", "prefix", null));
  }

  @Test
  void feedItemsAreContainersAndTheFeedGetsNoDefaultTitle() {
    ParsedPage parsed = TestRules.parser("""
        {"feed": {"css": "channel > title"},
         "page_title": {"builtin": "title"},
         "posts": {"css": "item", "item": {"title": {"css": "title"}, "url": {"css": "link"}}}}""")
        .parse(new Page(FEED_URL, "text/xml; charset=utf-8", bytes(RSS)));

    assertThat(parsed.title()).isNull();
    assertThat(parsed.data()).isEqualTo(map("feed", "The Blog", "page_title", null, "posts", List.of(
        map("title", "First post", "url", "https://blog.example/first/"),
        map("title", "Second post", "url", "https://blog.example/second/"))));
  }

  @Test
  void atomLinkHrefsResolveAgainstThePageUrlAndCdataSummariesAreText() {
    Map<String, Object> data = data("""
        {"css": {"css": "entry > link", "value": "abs:href", "all": true},
         "xpath": {"xpath": "//entry/link/@href", "all": true},
         "updated": {"xpath": "//entry/updated"},
         "summary": {"css": "entry summary"}}""", new Page(FEED_URL, "application/atom+xml", bytes(ATOM)));

    assertThat(data).isEqualTo(map(
        "css", List.of("https://blog.example/first/", "https://blog.example/feed/second/"),
        "xpath", List.of("/first/", "second/"),
        "updated", "2025-01-06T10:00:00Z",
        "summary", "<p>Short</p>"));
  }

  @Test
  void xmlTypesAndUntypedXmlDeclarationsAreParsedAsXmlButXhtmlAndOtherPagesAsHtml() {
    String xml = "<?xml version=\"1.0\"?>\n<doc><link>u</link></doc>";
    String xhtml = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><link>u</link></body></html>";

    for (String type : List.of("text/xml", "application/xml; charset=utf-8", "application/rss+xml", "image/svg+xml")) {
      assertThat(linkText(type, xml)).as(type).isEqualTo("u");
    }
    assertThat(linkText(null, xml)).isEqualTo("u");
    assertThat(linkText(null, "\uFEFF " + xml)).isEqualTo("u");
    // In HTML, <link> is an empty element: its text is ""
    assertThat(linkText("application/xhtml+xml", xhtml)).isEqualTo("");
    assertThat(linkText(null, xhtml)).isEqualTo("");
    assertThat(linkText(null, xml.substring(xml.indexOf("<doc>")))).isEqualTo("");
    assertThat(linkText("text/html", xml)).isEqualTo("");
    assertThat(linkText("text/plain", xml)).isEqualTo("");
  }

  /** The text of the first {@code link} element of the page, parsed as its type says. */
  private static Object linkText(String contentType, String body) {
    return data("{\"f\": {\"css\": \"link\"}}", new Page(FEED_URL, contentType, bytes(body))).get("f");
  }

  private static Map<String, Object> data(String fieldsJson, Page page) {
    return TestRules.parser(fieldsJson).parse(page).data();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
