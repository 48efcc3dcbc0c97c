package io.crawlpipe.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A {@link Page} is compared by what it holds, its body's bytes included, as a record's user expects. */
class APageEqualsAPageWithTheSameBytesTest {
  private static final byte[] BODY = "<title>x</title>".getBytes(UTF_8);

  @Test
  void pagesWithEqualBodiesInTwoArraysAreEqual() {
    Page page = new Page("http://a.test/", "text/html", BODY);
    assertThat(page).isEqualTo(new Page("http://a.test/", "text/html", BODY.clone()))
        .hasSameHashCodeAs(new Page("http://a.test/", "text/html", BODY.clone()));
    assertThat(new Page("http://a.test/", null, BODY)).isEqualTo(new Page("http://a.test/", null, BODY.clone()));
    assertThat(page).isNotEqualTo(new Page("http://a.test/", "text/html", "<title>y</title>".getBytes(UTF_8)))
        .isNotEqualTo(new Page("http://a.test/", null, BODY)).isNotEqualTo(new Page("http://b.test/", "text/html", BODY));
  }

  @Test
  void itsTextGivesTheBodysLengthNotItsBytes() {
    assertThat(new Page("http://a.test/", "text/html", BODY))
        .hasToString("Page[url=http://a.test/, contentType=text/html, body=16 bytes]");
  }
}
