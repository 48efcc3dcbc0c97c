package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductTokenTest {
  @Test
  void productTokenIsTheUserAgentUpToItsVersion() {
    assertThat(ProductToken.of("crawlpipe/0.1.0")).isEqualTo("crawlpipe");
    assertThat(ProductToken.of("My_Bot (+https://example.org)")).isEqualTo("my_bot");
    assertThat(ProductToken.of("MJ12bot/v1.4.8")).isEqualTo("mj12bot");
    assertThat(ProductToken.of("my-bot.v2/1.0")).isEqualTo("my-bot.v2");
    assertThat(ProductToken.of(" /1.0")).isEqualTo("crawlpipe");
  }

  @Test
  void aBrowserStyleBotAgentIsMatchedByTheNameAfterCompatible() {
    assertThat(ProductToken.of("Mozilla/5.0 (compatible; MyBot/1.0; +https://example.org/bot)"))
        .isEqualTo("mybot");
    assertThat(ProductToken.of("Mozilla/5.0 (compatible; Googlebot/2.1)")).isEqualTo("googlebot");
    // where bingbot and Googlebot's smartphone agent put it: later in the string
    assertThat(ProductToken.of("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0;"
        + " +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36")).isEqualTo("bingbot");
    assertThat(ProductToken.of("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36"
        + " (KHTML, like Gecko) Chrome/41.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
        .isEqualTo("googlebot");
    // a browser's own agent names no bot: its product token stays
    assertThat(ProductToken.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")).isEqualTo("mozilla");
  }
}
