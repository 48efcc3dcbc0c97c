package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.CrawlStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stats file's {@code started_at} and {@code ended_at} have the results file's one form: six fraction digits. */
class StatsFileTimesTest {
  @TempDir Path dir;

  private JsonNode written(Instant startedAt, Instant endedAt) throws IOException {
    Path stats = dir.resolve("run.json");
    StatsReport.of(new CrawlStats(), startedAt, endedAt, 0, null, "r.jsonl", 0, 0, 0).writeTo(stats, false);
    return JsonMapper.builder().build().readTree(stats.toFile());
  }

  @Test
  void startedAtAndEndedAtAlwaysHaveSixFractionDigits() throws IOException {
    JsonNode s = written(Instant.parse("2026-11-22T01:15:00Z"), Instant.parse("2026-11-22T01:15:00.041Z"));
    assertThat(s.get("started_at").asString()).isEqualTo("2026-11-22T01:15:00.000000Z");
    assertThat(s.get("ended_at").asString()).isEqualTo("2026-11-22T01:15:00.041000Z");
  }

  @Test
  void nanosecondsAreTruncatedToMicroseconds() throws IOException {
    JsonNode s = written(Instant.parse("2026-11-25T11:26:43.868045068Z"), Instant.parse("2026-11-25T11:27:00.999999999Z"));
    assertThat(s.get("started_at").asString()).isEqualTo("2026-11-25T11:26:43.868045Z");
    assertThat(s.get("ended_at").asString()).isEqualTo("2026-11-25T11:27:00.999999Z");
  }
}
