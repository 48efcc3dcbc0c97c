package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --append} file removed while the run has appended nothing to it: the summary must not
 * say the results are in it (nor that {@code --resume} finishes the run from it); it says the file
 * was removed and that nothing was appended.
 */
@Timeout(60)
class AnAppendFileRemovedBeforeALineTest {
  private static final String OLD = "{\"url\":\"http://127.0.0.1/old\",\"ok\":true,\"error\":null}\n";
  @TempDir Path dir;

  @Test
  void aListThatEndsWithoutAUrlAfterTheFileWasRemovedSaysNothingWasAppended() throws Exception {
    Path out = Files.writeString(dir.resolve("r.jsonl"), OLD);
    String last = runRemoving(out, "--append", "--out", out.toString());
    assertThat(last).startsWith("crawl: 0 URLs, 0 ok, 0 failed; ").endsWith("; '" + out
        + "' was removed or replaced during the run, and nothing was appended to it");
    assertThat(out).doesNotExist();
  }

  @Test
  void aStopBeforeTheFirstUrlAfterTheFileWasRemovedSaysNothingWasAppendedAndNotResume() throws Exception {
    Path out = Files.writeString(dir.resolve("r.jsonl"), OLD);
    String last = runRemoving(out, "--append", "--max-time", "5s", "--out", out.toString());
    assertThat(last).startsWith("crawl: stopped by --max-time: 0 URLs, ").endsWith("; '" + out
        + "' was removed or replaced during the run, and nothing was appended to it");
    assertThat(out).doesNotExist();
  }

  /**
   * Runs on a list read from a pipe that gives no line; once the run holds its lock, removes {@code
   * out} and ends the list (which a --max-time may have stopped first). Returns stderr's last line.
   */
  private static String runRemoving(Path out, String... options) throws Exception {
    CliRunner cli = new CliRunner();
    String[] args = Stream.concat(java.util.Arrays.stream(options), Stream.of("-"))
        .toArray(String[]::new);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (PipedOutputStream producer = new PipedOutputStream(); PipedInputStream list = new PipedInputStream(producer)) {
      Future<Integer> run = runner.submit(() -> cli.run(list, args));
      Path opened = out.toRealPath();
      Conditions.await(() -> OpenDescriptors.appendingTo(opened) || run.isDone());
      Files.delete(out);
      if (List.of(options).contains("--max-time")) {
        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(124);
      } else {
        producer.close();
        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      runner.shutdownNow();
    }
    return cli.stderr().strip().lines().reduce((first, second) -> second).orElseThrow();
  }
}
