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

  /** Writes over an old stats file with {@code write}, which throws {@code failure}: see the class comment. */
  private void assertThrownOnAndLeftAsItWas(Throwable failure, StatsReport.ChannelWrite write) throws IOException {
    Path stats = Files.writeString(dir.resolve("s.json"), "old\n");
    assertThatThrownBy(() -> report().writeTo(stats, false, write)).isSameAs(failure);
    assertThat(Files.readString(stats)).isEqualTo("old\n");
    assertThat(StatsReport.temporaryFile(stats)).doesNotExist();
  }

  @Test
  void outOfHeapWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    assertThrownOnAndLeftAsItWas(error, (channel, bytes) -> {
      throw error;
    });
  }

  @Test
  void aRuntimeExceptionWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    IllegalStateException failure = new IllegalStateException("broken");
    assertThrownOnAndLeftAsItWas(failure, (channel, bytes) -> {
      throw failure;
    });
  }

  @Test
  void anIoExceptionWhileWritingIsThrownOnAndTheTemporaryFileIsDeleted() throws IOException {
    IOException failure = new IOException("No space left on device");
    assertThrownOnAndLeftAsItWas(failure, (channel, bytes) -> {
      throw failure;
    });
  }
}
