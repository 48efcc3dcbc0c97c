package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.ResultFileRepair;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal or the {@code --max-time} deadline while {@code --resume} rewrites the earlier
 * results (outside the crawl, so it ends the process at once): the rewrite's temporary file is
 * deleted before the process ends, and the results are as they were. The stop is sent by hand just
 * after the temporary file is created,
 * and the halt throws, as nothing runs after a real one.
 */
class ResumeRewriteStopTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Integer> halts = new ArrayList<>();
  private final List<Boolean> temporaryFileAtHalt = new ArrayList<>();

  private static String line(int i, boolean cancelled) {
    String error = cancelled ? "{\"type\":\"cancelled\",\"message\":\"run stopped (SIGTERM)\"}" : "null";
    return "{\"url\":\"http://127.0.0.1/" + i + "\",\"ok\":" + !cancelled + ",\"error\":" + error + "}\n";
  }

  /** Sends {@code cause} to {@code stops} once the temporary file it is asked to create exists. */
  private static TemporaryFileGuard signalOnceCreated(RunStops stops, StopCause cause, List<FileChannel> opened) {
    return new TemporaryFileGuard() {
      @Override
      public FileChannel create(Path file, Opener opener) throws IOException {
        opened.add(stops.create(file, opener));
        stops.accept(cause);
        return opened.getLast();
      }

      @Override
      public void release(Path file) {
        stops.release(file);
      }
    };
  }

  private RunStops stops(Path tmp) {
    return new RunStops(new CrawlControl(Duration.ofSeconds(5)), new PrintStream(err, true, StandardCharsets.UTF_8),
        code -> {
          halts.add(code);
          temporaryFileAtHalt.add(Files.exists(tmp));
          throw new Halted();
        }, () -> 0L);
  }

  private void stopWhileRewriting(Path out, boolean append, Path source, Path tmp) throws IOException {
    stopWhileRewriting(out, append, source, tmp, StopCause.SIGTERM);
  }

  /** As above, the stop being {@code cause}; the run reads for --resume as {@link CrawlRun} has it do. */
  private void stopWhileRewriting(Path out, boolean append, Path source, Path tmp, StopCause cause) throws IOException {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 300; i++) content.append(line(i, i % 3 == 0));
    Files.writeString(source, content);
    RunStops stops = stops(tmp);
    stops.resuming("reading '" + source + "' for --resume", RunActivities.NOTHING_CRAWLED);
    List<FileChannel> opened = new ArrayList<>();
    try {
      assertThatThrownBy(() -> OutputOpening.file(out, false, OutputLock.besides(out), append, true,
          signalOnceCreated(stops, cause, opened), w -> { })).isInstanceOf(Halted.class);
    } finally {
      for (FileChannel c : opened) c.close();
    }
    assertThat(opened).hasSize(1);
    assertThat(halts).containsExactly(cause.exitCode());
    assertThat(temporaryFileAtHalt).containsExactly(false);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("crawl: stopped by " + cause.label() + " while reading '" + source
        + "' for --resume; nothing was crawled\n");
    assertThat(tmp).doesNotExist();
    assertThat(Files.readString(source)).isEqualTo(content.toString());
  }

  @Test
  void aStopWhileTheDefaultModeRewritesLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Path partial = AtomicFileSink.partialFile(out);
    stopWhileRewriting(out, false, out, ResultFileRepair.temporaryFile(partial));
    assertThat(partial).doesNotExist();
  }

  @Test
  void aStopWhileAppendResumeRewritesLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("r.jsonl");
    stopWhileRewriting(out, true, out, ResultFileRepair.temporaryFile(out));
  }

  @Test
  void theDeadlineWhileTheDefaultModeRewritesLeavesTheFilesAsTheyWere() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Path partial = AtomicFileSink.partialFile(out);
    stopWhileRewriting(out, false, partial, ResultFileRepair.temporaryFile(partial), StopCause.DEADLINE);
    assertThat(out).doesNotExist();
  }

  @Test
  void theDeadlineWhileAppendResumeRewritesLeavesTheFileAsItWas() throws IOException {
    Path out = dir.resolve("r.jsonl");
    stopWhileRewriting(out, true, out, ResultFileRepair.temporaryFile(out), StopCause.DEADLINE);
  }
}
