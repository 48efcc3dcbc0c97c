package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a run writes its lines to, removed while the run has written none (its list, on stdin,
 * still open), lost no line: the run does not say lines were lost. An {@code --append} run ends 0;
 * the default mode's empty results file cannot be put in place (exit 3), and the line says that its
 * temporary file was removed before it held a line, so none was lost.
 */
@Timeout(60)
class AFileRemovedBeforeAnyLineLosesNothingTest {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  @Test
  void anAppendFileRemovedBeforeAnyLineIsNoLoss() throws Exception {
    Path out = dir.resolve("r.jsonl");

    int code = runRemoving(out, out, "--append");

    assertThat(cli.stderr()).doesNotContain("not in it").doesNotContain("lost");
    assertThat(code).as(cli.stderr()).isZero();
  }

  @Test
  void aTemporaryFileRemovedBeforeAnyLineIsNoLoss() throws Exception {
    Path out = dir.resolve("r.jsonl");

    int code = runRemoving(out, dir.resolve("r.jsonl.partial"));

    assertThat(code).as("the empty results file could not be put in place").isEqualTo(ExitCodes.IO);
    assertThat(cli.stderr()).doesNotContain("lost").doesNotContain("kept")
        .endsWith("; '" + out + ".partial' was removed during the run before it held a line, and " + out
            + " was left as it was\n");
    assertThat(out).doesNotExist();
  }

  /**
   * Runs on an empty list read from stdin, removing {@code removed} (in {@code dir}) once the run has
   * it open for its lines, then ending the list.
   */
  private int runRemoving(Path out, Path removed, String... options) throws Exception {
    PipedOutputStream list = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(list);
    String[] args = new String[options.length + 4];
    System.arraycopy(options, 0, args, 0, options.length);
    System.arraycopy(new String[] {"-q", "--out", out.toString(), "-"}, 0, args, options.length, 4);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> run = runner.submit(() -> cli.run(stdin, args));
      Path opened = dir.toRealPath().resolve(removed.getFileName());
      Conditions.await(() -> OpenDescriptors.appendingTo(opened) || run.isDone());
      Files.delete(removed);
      list.close();
      return run.get(30, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
  }
}
