package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The output, lock, log and stats paths: checked at the start, each problem named, nothing crawled. */
@Timeout(60)
class OutputPathsTest {
  @TempDir Path dir;
  private GatedSite site;
  private Path urls;

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
    urls = Files.write(dir.resolve("urls.txt"), site.list(2, 0));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void anUnwritableLockFileIsNamedAsTheLockNotTheOutput() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path lock = blocker.resolve("sub/l.lock");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--lock", lock.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: cannot write lock file '" + lock + "': ")
        .doesNotContain("output").doesNotContain("\n");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void theStatsLockAndLogFilesMustNotBeTheOutput() throws IOException {
    Path out = dir.resolve("r.jsonl");
    String sameOut = dir.resolve("sub/../r.jsonl").toString();
    for (String option : List.of("--stats", "--lock", "--log")) {
      Files.writeString(out, "old\n");
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, sameOut, "--out", out.toString(), urls.toString())).as(option).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " and --out name the same file '"
          + sameOut + "'; they must differ");
      assertThat(Files.readString(out)).isEqualTo("old\n");
    }
    CliRunner cli = new CliRunner(Clock.fixed(Instant.parse("2026-11-22T18:50:27Z"), ZoneOffset.UTC), false);
    assertThat(cli.run("--stats", dir.resolve("{date}.json").toString(), "--log", dir.resolve("2026-11-22.json").toString(),
        "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr()).contains("--stats and --log name the same file");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void anUnwritableStatsPathFailsAtTheStartNotAtTheEnd() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path stats = blocker.resolve("sub/stats.json");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--stats", stats.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: cannot write stats file '" + stats + "': ").doesNotContain("\n");
    assertThat(out).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
    CliRunner directory = new CliRunner();
    assertThat(directory.run("--stats", dir.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(directory.stderr().strip()).isEqualTo("crawl: cannot write stats file '" + dir + "': is a directory");
  }

  @Test
  void theStatsFilesDirectoriesAreCreatedAtTheStart() throws IOException {
    Path stats = dir.resolve("a/b/stats.json");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--stats", stats.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isZero();
    assertThat(stats).isRegularFile();
  }
}
