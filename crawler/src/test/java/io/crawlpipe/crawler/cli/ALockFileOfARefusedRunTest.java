package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run refused because another holds its output's own lock ({@code OUT.lock}) leaves the shared
 * {@code --lock} file it took first as it was, its text and time included, and creates none: so
 * {@code [ stats -nt crawl.lock ]} still says whether the last run that ran has ended.
 */
@Timeout(60)
class ALockFileOfARefusedRunTest extends GatedSiteTestBase {
  @Test
  void aRunRefusedAtTheOutputsLockLeavesTheSharedLockFileAsItWas() throws Exception {
    Path out = dir.resolve("r.jsonl");
    Path shared = Files.writeString(dir.resolve("crawl.lock"), "4242\n/srv/data/yesterday.jsonl\n");
    FileTime before = FileTime.from(Instant.parse("2026-11-24T03:15:00Z"));
    Files.setLastModifiedTime(shared, before);
    try (OutputLock held = OutputLock.acquire(OutputLock.besides(out), out.toAbsolutePath().toString())) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--lock", shared.toString(), "--out", out.toString(), urls.toString()))
          .as(cli.stderr()).isEqualTo(75);
    }
    assertThat(Files.readString(shared)).isEqualTo("4242\n/srv/data/yesterday.jsonl\n");
    assertThat(Files.getLastModifiedTime(shared)).isEqualTo(before);
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aRunRefusedAtTheOutputsLockCreatesNoSharedLockFile() throws Exception {
    Path out = dir.resolve("r.jsonl");
    Path shared = dir.resolve("crawl.lock");
    try (OutputLock held = OutputLock.acquire(OutputLock.besides(out), out.toAbsolutePath().toString())) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--lock", shared.toString(), "--out", out.toString(), urls.toString()))
          .as(cli.stderr()).isEqualTo(75);
    }
    assertThat(shared).doesNotExist();
  }
}
