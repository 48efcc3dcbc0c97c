package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFileTest {
  private static final long ROLL_SIZE = 10L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aLogFileRollsAsSoonAsItPassesTenMegabytesNotAMinuteLater() throws IOException {
    Path path = dir.resolve("crawl.log");
    List<String> warnings = new ArrayList<>();
    Logger log = LoggerFactory.getLogger("io.crawlpipe.test.rolling");
    String line = "x".repeat(1024);
    try (LogFile ignored = LogFile.open(path, false, false, warnings::add)) {
      for (int i = 0; i < 10_500; i++) log.warn(line);  // ~11.3 MB with the pattern's prefix
    }
    assertThat(warnings).isEmpty();
    assertThat(path.resolveSibling("crawl.log.1")).exists();
    assertThat(Files.size(path.resolveSibling("crawl.log.1"))).isBetween(ROLL_SIZE, ROLL_SIZE + 2048);
    assertThat(Files.size(path)).isPositive().isLessThan(ROLL_SIZE);
  }

  @Test
  void aLogFileLineStartsWithItsTimeInUtcAsTheResultsAndStatsTimesAre() throws IOException {
    Path path = dir.resolve("crawl.log");
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (LogFile ignored = LogFile.open(path, false, false, warning -> { })) {
      LoggerFactory.getLogger("io.crawlpipe.test.time").warn("now");
    }
    Instant after = Instant.now();
    String line = Files.readAllLines(path).getFirst();
    assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z WARN  \\[.*\\] io\\.crawlpipe\\.test\\.time - now");
    assertThat(Instant.parse(line.substring(0, line.indexOf(' ')))).isBetween(before, after);
  }
}
