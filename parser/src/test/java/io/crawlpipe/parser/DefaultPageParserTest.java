package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DefaultPageParserTest {
  private static final DefaultPageParser PARSER = new DefaultPageParser();

  @Test
  void preDecodedBodyIsUsedForHtmlPages() {
    Page page = new Page("http://x/", "text/html", "<title>ignored bytes</title>".getBytes(StandardCharsets.UTF_8));
    DecodedText decoded = new DecodedText("<title>Decoded</title>", StandardCharsets.UTF_16);

    ParsedPage parsed = PARSER.parse(page, () -> decoded);

    assertThat(parsed.title()).isEqualTo("Decoded");
    assertThat(parsed.charset()).isEqualTo("UTF-16");
  }

  @Test
  void preDecodedBodyIsNotAskedForOtherPages() {
    Page page = new Page("http://x/", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

    ParsedPage parsed = PARSER.parse(page, () -> { throw new AssertionError("decoded a non-HTML page"); });

    assertThat(parsed).isEqualTo(ParsedPage.unparsed(null));
  }

  @Test
  void anUntypedRssFeedGetsNoTitleAsATypedOneDoes() {
    byte[] rss = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Привет</title></channel></rss>"
        .getBytes(java.nio.charset.Charset.forName("windows-1251"));

    assertThat(PARSER.parse(new Page("http://x/feed", null, rss))).isEqualTo(ParsedPage.unparsed(null));
    assertThat(PARSER.parse(new Page("http://x/feed", "application/rss+xml", rss))).isEqualTo(ParsedPage.unparsed(null));
  }
}
