package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.boundByTicks;
import static io.crawlpipe.parser.rules.TestRules.field;
import static io.crawlpipe.parser.rules.TestRules.html;
import static io.crawlpipe.parser.rules.TestRules.oneField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.parser.ExtractTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CssTimeBoundTest {
  /** Each of 30,000 sibling divs searches all its following siblings: 3.8 s without the bound. */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hasOverManySiblingsIsStoppedAtTheBound() {
    String page = "<html><body>" + "<div>x</div>".repeat(30_000) + "</body></html>";
    RulesPageParser parser = oneField("{\"css\": \"div:has(~ p)\"}").fieldTimeout(Duration.ofMillis(100)).build();

    assertThatThrownBy(() -> parser.parse(html(page)))
        .isInstanceOfSatisfying(ExtractTimeoutException.class, e -> {
          assertThat(e.url()).isEqualTo(TestRules.URL);
          assertThat(e.limit()).isEqualTo(Duration.ofMillis(100));
        })
        .hasMessage("rule \"r\" field \"f\": css ran longer than 100 ms: " + TestRules.URL);
  }

  @Test
  void everyElementVisitedCountsAgainstTheBound() {
    String page = "<html><body>" + "<p>x</p>".repeat(30_000) + "</body></html>";

    assertThatThrownBy(() -> boundByTicks("{\"css\": \"span\"}").parse(html(page)))
        .isInstanceOf(ExtractTimeoutException.class);
    assertThat(boundByTicks("{\"css\": \"span\"}").parse(html("<p>x</p>".repeat(20_000))).data().get("f")).isNull();
  }

  /**
   * The containers' selection and the items' own each try about 20,000 elements, under {@link
   * TestRules#boundByTicks}'s 25,600; together they are past it. (The containers' values are read
   * from an attribute, one unit each: their text would read the 200 nodes in each.)
   */
  @Test
  void oneBoundCoversAllTheItemsFields() {
    String page = "<html><body>" + ("<div class=c>" + "<p>x</p>".repeat(100) + "</div>").repeat(200) + "</body></html>";

    assertThat(boundByTicks("{\"css\": \"div\", \"all\": true, \"value\": \"attr:class\"}").parse(html(page)).data().get("f"))
        .asList().hasSize(200);
    RulesPageParser parser = boundByTicks("{\"css\": \"div\", \"all\": true, \"item\": {\"last\": {\"css\": \"p:last-child\"}}}");
    assertThatThrownBy(() -> parser.parse(html(page))).isInstanceOf(ExtractTimeoutException.class);
  }

  /**
   * {@code ^(.*a){20}$} against forty a's and a mismatch takes the JDK's backtracking regex longer
   * than a crawl (its {@code {10}} takes half a minute); regex pseudo-selectors run on RE2/J, in
   * time linear in the text.
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void regexPseudoSelectorsDoNotBacktrack() {
    String slow = "a".repeat(40) + "!";
    String match = "a".repeat(25);
    String page = "<p title=\"" + slow + "\">" + slow + "</p><p title=\"" + match + "\">" + match + "</p>";

    assertThat(field("{\"css\": \"p:matches(^(.*a){20}$)\"}", page)).isEqualTo(match);
    assertThat(field("{\"css\": \"p:matchesOwn(^(.*a){20}$)\"}", page)).isEqualTo(match);
    assertThat(field("{\"css\": \"p[title~=^(.*a){20}$]\", \"value\": \"attr:title\"}", page)).isEqualTo(match);
  }
}
