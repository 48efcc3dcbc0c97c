package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.boundByTicks;
import static io.crawlpipe.parser.rules.TestRules.html;
import static io.crawlpipe.parser.rules.TestRules.map;
import static io.crawlpipe.parser.rules.TestRules.oneField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class XPathTimeBoundTest {
  /** 5,000 sibling divs: an expression that compares every div with every other takes minutes. */
  private static final String MANY_DIVS = "<html><body>" + "<div>x</div>".repeat(5_000) + "</body></html>";

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void quadraticXPathIsStoppedAtTheBound() {
    RulesPageParser parser = oneField("{\"xpath\": \"//div[count(following::div) = count(//div) + 1]\"}")
        .fieldTimeout(Duration.ofMillis(100))
        .build();

    assertThatThrownBy(() -> parser.parse(html(MANY_DIVS)))
        .isInstanceOfSatisfying(ExtractTimeoutException.class, e -> {
          assertThat(e.url()).isEqualTo(TestRules.URL);
          assertThat(e.limit()).isEqualTo(Duration.ofMillis(100));
        })
        .hasMessage("rule \"r\" field \"f\": xpath ran longer than 100 ms: " + TestRules.URL);
  }

  @Test
  void oneBoundCoversAllTheItemsFields() {
    AtomicLong nanos = new AtomicLong();
    RulesPageParser parser = oneField("{\"xpath\": \"//div\", \"item\": {\"rest\": {\"xpath\": \"./following-sibling::div\", \"all\": true}}}")
        .fieldTimeout(Duration.ofMillis(50))
        .nanoTicker(() -> nanos.addAndGet(1_000_000))
        .build();

    assertThatThrownBy(() -> parser.parse(html(MANY_DIVS)))
        .isInstanceOf(ExtractTimeoutException.class)
        .hasMessageContaining("xpath ran longer than 50 ms");
    assertThat(nanos.get()).isBetween(50_000_000L, 53_000_000L); // one more tick: the url patterns' own bound
  }

  @Test
  void idInAnItemsSubFieldWalksThePageOnceNotOncePerItem() {
    StringBuilder page = new StringBuilder("<p id='target'>t</p>");
    for (int i = 0; i < 500; i++) page.append("<div class='item'><span>").append(i).append("</span></div>");
    // 500 items: a walk of the ~1,500-node page per item would be 750,000 counted steps, far past
    // the 25,600 the ticking clock allows; one walk fits
    Object items = boundByTicks("{\"xpath\": \"//div\", \"item\": {\"n\": {\"xpath\": \"span\"},"
        + " \"t\": {\"xpath\": \"id('target')\"}}}").parse(html(page.toString())).data().get("f");
    assertThat(items).asList().hasSize(500).last().isEqualTo(map("n", "499", "t", "t"));
  }

  @Test
  void lastAndPositionCountAmongManySiblings() {
    RulesPageParser parser = oneField("{\"xpath\": \"//div[last()] | //div[position() = 2]\", \"all\": true}")
        .fieldTimeout(Duration.ofSeconds(10))
        .build();

    assertThat(parser.parse(html(MANY_DIVS)).data().get("f")).asList().hasSize(2);
  }

  /** A million string comparisons after a walk of a few thousand nodes: the comparisons must count. */
  @Test
  void comparingEveryTextWithEveryCommentCountsAgainstTheBound() {
    String page = "<html><body>" + "<p>t<!--c--></p>".repeat(1_000) + "</body></html>";
    RulesPageParser parser = boundByTicks("{\"xpath\": \"/*[descendant::text() = descendant::comment()]\"}");

    assertThatThrownBy(() -> parser.parse(html(page))).isInstanceOf(ExtractTimeoutException.class);
  }

  /** Sorting by walking from one sibling to the next took seconds here; the bound is far above the sort. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manySiblingsAreSortedWithoutWalkingBetweenThem() {
    String page = "<html><body>" + "<div><a>x</a></div>".repeat(50_000) + "</body></html>";
    RulesPageParser parser = oneField("{\"xpath\": \"//body//a | //div[1]\", \"all\": true}")
        .fieldTimeout(Duration.ofSeconds(10))
        .build();

    assertThat(parser.parse(html(page)).data().get("f")).asList().hasSize(50_001);
  }

  @Test
  void climbingToAncestorsCountsAgainstTheBound() {
    String page = "<html><body>" + "<div>".repeat(500) + "<p>x</p>".repeat(100) + "</body></html>";
    RulesPageParser parser = boundByTicks("{\"xpath\": \"//p[1]/ancestor::*[last()] | //p/ancestor-or-self::node()\"}");

    assertThatThrownBy(() -> parser.parse(html(page))).isInstanceOf(ExtractTimeoutException.class);
  }

  @Test
  void theMessageNamesTheItemFieldThatRanOut() {
    RulesPageParser parser = boundByTicks(
        "{\"css\": \"body\", \"item\": {\"inner\": {\"xpath\": \".//div[count(//div) > 1]\", \"all\": true}}}");

    assertThatThrownBy(() -> parser.parse(html(MANY_DIVS)))
        .hasMessage("rule \"r\" field \"f.inner\": xpath ran longer than 100 ms: " + TestRules.URL);
  }
}
