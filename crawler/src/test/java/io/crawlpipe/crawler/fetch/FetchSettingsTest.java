package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

  @Test
  void aUserAgentThatWouldBreakTheRequestHeadIsRefused() {
    for (String agent : new String[] {"bot\r\nX-Injected: 1", "bot\n", "bot\u0000", "bot\u007f"}) {
      assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), 10, 1, agent))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("userAgent contains a control character");
    }
    assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), 10, 1, "Crawlé/1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userAgent contains 'é' (U+00E9): header values are ASCII");
    assertThat(new FetchSettings(Duration.ofSeconds(1), 10, 1, "bot/1.0\t(+https://example.org)").userAgent())
        .contains("\t");
  }

  @Test
  void theUserAgentIsTrimmedAsHeaderValuesAreAndBlankRefused() {
    assertThat(new FetchSettings(Duration.ofSeconds(1), 10, 1, "\tMyBot/1 (+https://example.org) ").userAgent())
        .isEqualTo("MyBot/1 (+https://example.org)");
    assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), 10, 1, " \t "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("userAgent must not be blank");
  }

  @Test
  void theDefaultClientIsTheOwnHttp1Client() {
    assertThat(new FetchSettings(Duration.ofMinutes(2), 10, 1, "bot").client()).isEqualTo(FetchClient.HTTP1);
  }

  @Test
  void aTimeoutUpTo366DaysIsTakenAndALongerOneRefused() {
    assertThat(new FetchSettings(Duration.ofDays(366), 10, 1, "bot").timeout()).isEqualTo(Duration.ofDays(366));
    assertThatThrownBy(() -> new FetchSettings(Duration.ofDays(367), 10, 1, "bot"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0 and at most 366 days, was PT8808H");
  }

  @Test
  void aNullHeaderListOrElementIsNamed() {
    FetchSettings settings = new FetchSettings(Duration.ofSeconds(1), 10, 1, "bot");
    List<RequestHeader> headers = Arrays.asList(RequestHeader.parse("Accept-Language: de"), null);
    assertThatThrownBy(() -> settings.withHeaders(headers)).isInstanceOf(NullPointerException.class)
        .hasMessage("headers[1] is null");
    assertThatThrownBy(() -> settings.withHeaders(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("headers");
  }
}
