package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

  @Test
  void aUserAgentThatWouldBreakTheRequestHeadIsRefused() {
    for (String agent : new String[] {"bot\r\nX-Injected: 1", "bot\n", "bot\u0000", "bot\u007f"}) {
      assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), 10, 1, agent))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
    }
    assertThat(new FetchSettings(Duration.ofSeconds(1), 10, 1, "bot/1.0\t(+https://example.org)").userAgent())
        .contains("\t");
  }

  @Test
  void theDefaultClientIsTheOwnHttp1ClientAndTheConnectTimeoutIsAtMostTenSeconds() {
    FetchSettings settings = new FetchSettings(Duration.ofMinutes(2), 10, 1, "bot");
    assertThat(settings.client()).isEqualTo(FetchClient.HTTP1);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(new FetchSettings(Duration.ofMillis(300), 10, 1, "bot").connectTimeout()).isEqualTo(Duration.ofMillis(300));
  }
}
