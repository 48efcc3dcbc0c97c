package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {
  @Test
  void localZoneClockIsTheSystemClockInTheDefaultZone() {
    RunEnvironment.LocalZoneClock clock = new RunEnvironment.LocalZoneClock();
    Instant before = Instant.now();
    Instant now = clock.instant();
    long millis = clock.millis();
    Instant after = Instant.now();
    assertThat(now).isBetween(before, after);
    assertThat(millis).isBetween(before.toEpochMilli(), after.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(clock.withZone(ZoneOffset.UTC).getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
