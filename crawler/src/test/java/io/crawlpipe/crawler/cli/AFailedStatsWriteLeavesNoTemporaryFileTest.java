package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever ends the write of a stats file, an {@link Error} or a {@link RuntimeException} as well as
 * an {@link IOException}, its temporary file {@code FILE.PID.tmp} is deleted, the file is left as it
 * was, and the failure is thrown on as it is.
 */
class AFailedStatsWriteLeavesNoTemporaryFileTest {
  @TempDir Path dir;

  private static StatsReport report() {
    Instant now = Instant.parse("2026-11-25T04:50:53Z");
    return StatsReport.of(new CrawlStats(), now, now, 0, null, "r.jsonl", 0, 0, 0);
  }

  private void assertLeftAsItWas(Path stats) throws IOException {
    assertThat(Files.readString(stats)).isEqualTo("old\n");
    assertThat(StatsReport.temporaryFile(stats)).doesNotExist();
  }

  @Test
  void outOfHeapWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    Path stats = Files.writeString(dir.resolve("s.json"), "old\n");
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    assertThatThrownBy(() -> report().writeTo(stats, false, (channel, bytes) -> {
      throw error;
    })).isSameAs(error);
    assertLeftAsItWas(stats);
  }

  @Test
  void aRuntimeExceptionWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    Path stats = Files.writeString(dir.resolve("s.json"), "old\n");
    IllegalStateException failure = new IllegalStateException("broken");
    assertThatThrownBy(() -> report().writeTo(stats, false, (channel, bytes) -> {
      throw failure;
    })).isSameAs(failure);
    assertLeftAsItWas(stats);
  }

  @Test
  void anIoExceptionWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    Path stats = Files.writeString(dir.resolve("s.json"), "old\n");
    IOException failure = new IOException("No space left on device");
    assertThatThrownBy(() -> report().writeTo(stats, false, (channel, bytes) -> {
      throw failure;
    })).isSameAs(failure);
    assertLeftAsItWas(stats);
  }
}
