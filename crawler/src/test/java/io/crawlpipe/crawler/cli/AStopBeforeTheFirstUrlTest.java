package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop that comes before the list gave its first URL leaves the results file as it was, as a list
 * that fails before its first URL does: an empty file would only replace the last run's. A list
 * read to its end that held no URL is a complete run, with a warning.
 */
@Timeout(60)
class AStopBeforeTheFirstUrlTest {
  private static final String OLD = "{\"url\":\"http://127.0.0.1/old\",\"ok\":true,\"error\":null}\n";
  @TempDir Path dir;

  @Test
  void theDeadlineWhileAStalledListGaveNoUrlLeavesTheResultsAsTheyWere() throws IOException {
    Path out = Files.writeString(dir.resolve("lf.jsonl"), OLD);
    CliRunner cli = new CliRunner();
    try (PipedOutputStream producer = new PipedOutputStream(); PipedInputStream stalled = new PipedInputStream(producer)) {
      assertThat(cli.run(stalled, "-q", "--max-time", "1s", "--out", out.toString(), "-")).isEqualTo(124);
    }
    assertThat(cli.stderr().strip().lines()).last().isEqualTo("crawl: stopped by --max-time: no URL was read; nothing"
        + " was crawled and '" + out + "' was left as it was");
    assertThat(Files.readString(out)).isEqualTo(OLD);
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
  }

  @Test
  void withAppendTheDeadlineWhileAStalledListGaveNoUrlSaysTheFileWasLeftAsItWas() throws IOException {
    Path out = Files.writeString(dir.resolve("lf.jsonl"), OLD);
    assertThat(stopWhileTheListGivesNoUrl(out, "--append")).isEqualTo("crawl: stopped by --max-time: no URL was read;"
        + " nothing was crawled and '" + out + "' was left as it was");
    assertThat(Files.readString(out)).isEqualTo(OLD);
  }

  @Test
  void withAppendAndResumeAFileThatDidNotExistIsNotLeftBehindEmpty() throws IOException {
    Path out = dir.resolve("new.jsonl");
    assertThat(stopWhileTheListGivesNoUrl(out, "--append", "--resume")).isEqualTo("crawl: stopped by --max-time: no URL"
        + " was read; nothing was crawled and '" + out + "' was left as it was");
    assertThat(out).doesNotExist();
  }

  /** Runs with {@code options} on a list that never gives a line until --max-time; returns the last line of stderr. */
  private static String stopWhileTheListGivesNoUrl(Path out, String... options) throws IOException {
    CliRunner cli = new CliRunner();
    List<String> args = new ArrayList<>(List.of("-q", "--max-time", "1s", "--out", out.toString()));
    args.addAll(List.of(options));
    args.add("-");
    try (PipedOutputStream producer = new PipedOutputStream(); PipedInputStream stalled = new PipedInputStream(producer)) {
      assertThat(cli.run(stalled, args.toArray(String[]::new))).isEqualTo(124);
    }
    return cli.stderr().strip().lines().reduce((first, second) -> second).orElseThrow();
  }

  @Test
  void anEmptyListIsACompleteRunThatSaysItHeldNoUrl() throws IOException {
    Path out = Files.writeString(dir.resolve("lf.jsonl"), OLD);
    CliRunner cli = new CliRunner();
    assertThat(cli.run(new ByteArrayInputStream(new byte[0]), "-q", "--out", out.toString(), "-")).isZero();
    assertThat(cli.stderr()).isEqualTo("crawl: warning: the list held no URL, so " + out + " now holds no result line\n");
    assertThat(out).isEmptyFile();
  }
}
