package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run that writes no result line leaves no {@code OUT.partial}: not when a stop halts it while
 * the output is opened, not when a second signal seals it, not when the disk refuses the first line; and an empty {@code OUT.partial}
 * older than the finished results (an older version left it) does not hide them from {@code --resume}.
 */
@Timeout(60)
class AnOutputWithNoLineTest extends GatedSiteTestBase {
  private static final String OLD = "{\"url\":\"http://127.0.0.1/old\",\"ok\":true,\"error\":null}\n";

  @Test
  void aSignalWhileTheOutputIsOpenedRemovesTheNewTemporaryFile() throws IOException {
    Path out = Files.writeString(dir.resolve("b.jsonl"), OLD);
    Path partial = AtomicFileSink.partialFile(out);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Boolean> partialAtHalt = new ArrayList<>();
    RunStops stops = new RunStops(new CrawlControl(Duration.ofSeconds(5)), new PrintStream(err, true,
        StandardCharsets.UTF_8), code -> {
          partialAtHalt.add(Files.exists(partial));
          throw new Halted();
        }, () -> 0L);
    stops.outside("opening --out '" + out + "'", RunActivities.NOTHING_CRAWLED);
    TemporaryFileGuard signalOnceCreated = new TemporaryFileGuard() {
      @Override
      public FileChannel create(Path file, Opener opener) throws IOException {
        FileChannel channel = stops.create(file, opener);
        channel.close();
        stops.accept(StopCause.SIGTERM);
        return channel;
      }

      @Override
      public void release(Path file) {
        stops.release(file);
      }
    };
    assertThatThrownBy(() -> OutputOpening.file(out, false, OutputLock.besides(out), false, false, signalOnceCreated,
        w -> { })).isInstanceOf(Halted.class);
    assertThat(partialAtHalt).containsExactly(false);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("crawl: stopped by SIGTERM while opening --out '" + out
        + "'; nothing was crawled\n");
    assertThat(Files.readString(out)).isEqualTo(OLD);
  }

  @Test
  void aFullDiskOnTheFirstLineLeavesTheResultsAsTheyWereAndSaysSo() throws Exception {
    Path out = Files.writeString(dir.resolve("r.jsonl"), OLD);
    Path partial = AtomicFileSink.partialFile(out);
    Path oneUrl = Files.write(dir.resolve("one.txt"), site.list(0, 1));
    FileSizeLimit.assumeAvailable();
    CrawlProcess crawl = CrawlProcess.start(dir, "-q", "--out", out.toString(), oneUrl.toString());
    assertThat(site.awaitGated(1)).isTrue();
    assertThat(partial).isEmptyFile();
    FileSizeLimit.setToZero(crawl.process().pid()); // the first line fails now, as on a full disk
    site.openGate();
    assertThat(crawl.exitCode()).isEqualTo(3);
    assertThat(crawl.stderr().strip().lines()).last().asString().startsWith("crawl: cannot write results to " + partial)
        .endsWith("; no line was written, and " + out + " was left as it was").doesNotContain("--resume");
    assertThat(partial).doesNotExist();
    assertThat(Files.readString(out)).isEqualTo(OLD);
  }

  @Test
  void aSecondSignalBeforeTheFirstLineRemovesTheTemporaryFileAndSaysTheResultsWereLeftAsTheyWere()
      throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), OLD);
    try (ResultOutput output = OutputOpening.file(out, false, null, false, false, TemporaryFileGuard.NONE, w -> { })) {
      assertThat(output.abandon()).isEqualTo("no line was written, and " + out + " was left as it was");
      assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    }
    assertThat(Files.readString(out)).isEqualTo(OLD);
  }

  @Test
  void resumeAfterAnEmptyTemporaryFileContinuesTheFinishedResults() throws IOException {
    CliRunner cli = resumeOverAnEmptyTemporaryFile();
    assertThat(cli.stderr()).contains("crawl: warning: ignoring " + dir.resolve("r.jsonl.partial") + ", which holds no line");
    assertThat(cli.stderr()).contains("resumed after 2 finished lines");
  }

  @Test
  void appendAndResumeAfterAnEmptyTemporaryFileContinueTheFinishedResults() throws IOException {
    CliRunner cli = resumeOverAnEmptyTemporaryFile("--append");
    assertThat(cli.stderr()).contains("crawl: warning: discarding " + dir.resolve("r.jsonl.partial") + ", which holds no line");
  }

  /**
   * A finished run of two URLs, an empty {@code r.jsonl.partial} older than its results, then {@code
   * --resume} with {@code options}: it exits 0 having fetched nothing again, the two lines kept and
   * the empty file gone. The run, for its messages.
   */
  private CliRunner resumeOverAnEmptyTemporaryFile(String... options) throws IOException {
    Path out = dir.resolve("r.jsonl");
    assertThat(new CliRunner().run("-q", "--out", out.toString(), urls.toString())).isZero();
    Path partial = Files.createFile(AtomicFileSink.partialFile(out));
    // Older than the results: left by an earlier run (an older version), not the last one.
    Files.setLastModifiedTime(partial, FileTime.fromMillis(Files.getLastModifiedTime(out).toMillis() - 60_000));
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--resume", "--out", out.toString(), urls.toString()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args.toArray(String[]::new))).as(cli.stderr()).isZero();
    assertThat(site.requests("/fast/0")).isEqualTo(1);
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(partial).doesNotExist();
    return cli;
  }
}
