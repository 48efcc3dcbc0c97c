package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

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
}
