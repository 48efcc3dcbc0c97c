package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code --resume} whose {@code OUT.partial} held only {@code cancelled} lines empties it; when
 * that run is stopped or killed before its first line, the next {@code --resume} still continues
 * that empty {@code OUT.partial} (every URL crawled again), never the finished results file of an
 * earlier run beside it, which would pass off that run's results as this one's.
 */
@Timeout(60)
class AResumeOfOnlyCancelledLinesTest extends GatedSiteTestBase {
  private Path out;
  private Path partial;

  /** Yesterday's finished {@code r.jsonl} of the list, and tonight's {@code r.jsonl.partial}: every URL cancelled. */
  private void yesterdaysResultsAndTonightsCancelledOnes() throws IOException {
    out = dir.resolve("r.jsonl");
    assertThat(new CliRunner().run("-q", "--out", out.toString(), urls.toString())).isZero();
    String finished = Files.readString(out);
    Files.setLastModifiedTime(out, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
    partial = AtomicFileSink.partialFile(out);
    Files.writeString(partial, finished.replace("\"ok\":true", "\"ok\":false")
        .replace("\"error\":null", "\"error\":{\"type\":\"cancelled\",\"message\":\"run stopped (SIGTERM)\"}"));
  }

  /** The next {@code --resume} crawls both URLs again and finishes the results file with their lines. */
  private void theNextResumeCrawlsEveryUrlAgain() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", out.toString(), "--resume", urls.toString())).as(cli.stderr()).isZero();
    assertThat(cli.stderr()).doesNotContain("ignoring", "already has a line");
    assertThat(site.requests("/fast/0")).isEqualTo(2);
    assertThat(site.requests("/fast/1")).isEqualTo(2);
    assertThat(out).content().contains("\"ok\":true").doesNotContain("cancelled");
    assertThat(partial).doesNotExist();
  }

  @Test
  void aStopBeforeTheFirstUrlKeepsTheEmptiedPartialForTheNextResume() throws IOException {
    yesterdaysResultsAndTonightsCancelledOnes();
    String yesterday = Files.readString(out);
    CliRunner cli = new CliRunner();
    try (PipedOutputStream producer = new PipedOutputStream(); PipedInputStream stalled = new PipedInputStream(producer)) {
      assertThat(cli.run(stalled, "-q", "--max-time", "1s", "--out", out.toString(), "--resume", "-")).isEqualTo(124);
    }
    assertThat(cli.stderr().strip().lines()).last().isEqualTo("crawl: stopped by --max-time: no URL was read; nothing"
        + " was crawled and '" + out + "' was left as it was");
    assertThat(Files.readString(out)).isEqualTo(yesterday);
    assertThat(partial).isEmptyFile();
    theNextResumeCrawlsEveryUrlAgain();
  }

  @Test
  void aResumeKilledBeforeItsFirstLineLeavesAnEmptyPartialTheNextResumeContinues() throws IOException {
    yesterdaysResultsAndTonightsCancelledOnes();
    // What a run killed with kill -9 just after the rewrite leaves: nothing closes or removes anything.
    FingerprintSet done = new FingerprintSet();
    new EarlierResults(TemporaryFileGuard.NONE, w -> { }).forDefaultMode(out, true, done);
    assertThat(done.size()).isZero();
    assertThat(partial).isEmptyFile();
    List<String> warnings = new ArrayList<>();
    new EarlierResults(TemporaryFileGuard.NONE, warnings::add).forDefaultMode(out, true, new FingerprintSet());
    assertThat(warnings).containsExactly("continuing " + partial + ", which holds no line (the last run stopped before"
        + " its first line): every URL of the list is crawled, and " + out + " replaced");
    theNextResumeCrawlsEveryUrlAgain();
  }

  @Test
  void aSecondSignalBeforeTheFirstLineKeepsTheEmptiedPartial() throws IOException {
    yesterdaysResultsAndTonightsCancelledOnes();
    try (ResultOutput output = OutputOpening.file(out, false, OutputLock.besides(out), false, true, TemporaryFileGuard.NONE, w -> { })) {
      assertThat(output.abandon()).isEqualTo(OutputPhrases.soFar(partial.toString(), true));
    }
    assertThat(partial).isEmptyFile();
    theNextResumeCrawlsEveryUrlAgain();
  }
}
