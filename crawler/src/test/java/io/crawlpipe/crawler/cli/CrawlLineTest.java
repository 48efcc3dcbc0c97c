package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A {@code crawl: } line escapes what is not printable, once, and keeps what is. */
class CrawlLineTest {

  @Test
  void controlCharactersAreEscapedAndPrintableOnesKept() {
    assertThat(CrawlLine.of("a\nb\033[31mc\td é 日本")).isEqualTo("crawl: a\\u000ab\\u001b[31mc\\u0009d é 日本");
  }

  @Test
  void textEscapedAlreadyIsNotEscapedAgain() {
    String once = CrawlLine.of("x\ny");
    assertThat(CrawlLine.of(once.substring(CrawlLine.PREFIX.length()))).isEqualTo(once);
  }
}
