package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {
  @Test
  void keepsFourPerRequestInFlightAtLeastFive() {
    assertThat(IdleConnections.max(1)).isEqualTo(5);
    assertThat(IdleConnections.max(2)).isEqualTo(8);
    assertThat(IdleConnections.max(64)).isEqualTo(256);
  }

  @Test
  void keepsAtMostTwoThousandBeyondTheConcurrency() {
    assertThat(IdleConnections.max(666)).isEqualTo(2_664);
    assertThat(IdleConnections.max(667)).isEqualTo(2_667);
    assertThat(IdleConnections.max(1000)).isEqualTo(3_000);
    assertThat(IdleConnections.max(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aClientToldToKeepNoIdleConnectionIsRefusedNamingTheCount() {
    FetchSettings settings = new FetchSettings(Duration.ofSeconds(5), 1 << 20, 5, "crawlpipe-test");
    for (FetchClient client : FetchClient.values()) {
      assertThatThrownBy(() -> client.openKeepingIdle(settings, 0, Clock.systemUTC()))
          .as(client.code()).isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("idle connections must be at least 1, was 0");
    }
  }
}
