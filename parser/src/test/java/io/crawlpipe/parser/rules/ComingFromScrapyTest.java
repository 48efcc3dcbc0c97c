package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.field;
import static io.crawlpipe.parser.rules.TestRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What RULES.md's "Coming from Scrapy" and "Items" tell a user migrating from Scrapy or BeautifulSoup. */
class ComingFromScrapyTest {
  private static final String CARDS = """
      <div class="card" data-id="1"><p>outer</p>
        <div class="card" data-id="2"><p>inner</p></div>
      </div>""";

  @Test
  void anItemsCssSubSelectorMatchesTheContainerItselfButScopeOnlyItsDescendants() {
    String spec = """
        {"css": "body > div.card", "item": {
          "self_and_below": {"css": "div.card", "value": "attr:data-id", "all": true},
          "below": {"css": ":scope div.card", "value": "attr:data-id", "all": true},
          "children": {"css": ":scope > p", "all": true}}}""";
    assertThat(field(spec, CARDS)).isEqualTo(List.of(
        map("self_and_below", List.of("1", "2"), "below", List.of("2"), "children", List.of("outer"))));
  }

  @Test
  void anItemReadsItsContainersOwnAttributeWithScopeOrXPathDot() {
    String spec = """
        {"css": "div.card", "item": {
          "css": {"css": ":scope", "value": "attr:data-id"},
          "xpath_attr": {"xpath": "./@data-id"},
          "xpath_self": {"xpath": ".", "value": "attr:data-id"}}}""";
    assertThat(field(spec, CARDS)).isEqualTo(List.of(
        map("css", "1", "xpath_attr", "1", "xpath_self", "1"),
        map("css", "2", "xpath_attr", "2", "xpath_self", "2")));
  }

  @Test
  void aTableWrittenWithoutTbodyGetsOneAsInABrowser() {
    String page = "<table id=posts><tr><td>a</td></tr><tr><td>b</td></tr></table>";
    assertThat(field("{\"xpath\": \"//table[@id='posts']/tr\", \"all\": true}", page)).isEqualTo(List.of());
    assertThat(field("{\"xpath\": \"//table[@id='posts']//tr\", \"all\": true}", page)).isEqualTo(List.of("a", "b"));
    assertThat(field("{\"css\": \"table#posts > tbody > tr\", \"all\": true}", page)).isEqualTo(List.of("a", "b"));
  }

  @Test
  void embeddedJsonIsTakenAsTheScriptsTextAsWritten() {
    String json = "{\"offers\": {\"price\": \"9.50\"},\n \"name\": \"A &amp; B <b>\"}";
    String page = "<script type=\"application/ld+json\">" + json + "</script>";
    assertThat(field("{\"css\": \"script[type=application/ld+json]\", \"value\": \"inner_html\"}", page)).isEqualTo(json);
    assertThat(field("{\"xpath\": \"//script[@type='application/ld+json']/text()\"}", page)).isEqualTo(json);
  }

  @Test
  void aDecimalCommaNeedsAReplaceBeforeToNumber() {
    String page = "<span class=price>1.234,50</span>";
    assertThat(field("{\"css\": \"span.price\", \"to\": \"number\"}", page)).isNull();
    assertThat(field("{\"css\": \"span.price\", \"replace\": {\".\": \"\", \",\": \".\"}, \"to\": \"number\"}", page))
        .isEqualTo(new BigDecimal("1234.50"));
  }
}
