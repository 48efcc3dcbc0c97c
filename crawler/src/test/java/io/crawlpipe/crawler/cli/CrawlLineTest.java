package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A {@code crawl: } line escapes what is not printable, and a backslash followed by {@code u}, and
 * keeps what is.
 */
class CrawlLineTest {

  @Test
  void controlCharactersAreEscapedAndPrintableOnesKept() {
    assertThat(CrawlLine.of("a\nb\033[31mc\td é 日本")).isEqualTo("crawl: a\\u000ab\\u001b[31mc\\u0009d é 日本");
  }

  @Test
  void theTextOfAnEscapeIsNotTakenForOneButOtherBackslashesAreKept() {
    assertThat(CrawlLine.of("'a\\u000ab' and 'a\nb': \\d+ \\")).isEqualTo("crawl: 'a\\u005cu000ab' and 'a\\u000ab': \\d+ \\");
  }
}
