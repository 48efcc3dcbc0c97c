package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@code --append} file removed (with its directory) or replaced while the run appends to it
 * takes the later lines without an error: they go to the file the run opened, which no longer has
 * that name. The run must not end 0 with a summary naming a file that lacks them: it ends 3, saying
 * that the lines this run wrote are not in it.
 */
@Timeout(60)
class AnAppendFileRemovedMidRunSaysTheLinesAreNotInItTest extends GatedSiteTestBase {
  private final CliRunner cli = new CliRunner();

  @Test
  void anAppendFileRemovedWithItsDirectoryIsExit3() throws Exception {
    Path out = dir.resolve("d/r.jsonl");
    int code = runChanging(out, () -> removeTree(out.getParent()));
    assertThat(code).isEqualTo(ExitCodes.IO);
    assertThat(cli.stderr().strip().lines()).last().isEqualTo(notInIt(out));
    assertThat(out.getParent()).doesNotExist();
  }

  @Test
  void anAppendFileMovedAwayAndReplacedIsExit3() throws Exception {
    Path out = dir.resolve("r.jsonl");
    Path moved = dir.resolve("moved.jsonl");
    int code = runChanging(out, () -> {
      Files.move(out, moved);
      Files.writeString(out, "");
    });
    assertThat(code).isEqualTo(ExitCodes.IO);
    assertThat(cli.stderr().strip().lines()).last().isEqualTo(notInIt(out));
    assertThat(out).isEmptyFile();
    assertThat(Files.readAllLines(moved)).as("the lines went with the file the run opened").hasSize(2);
  }

  private static String notInIt(Path out) {
    return "crawl: cannot finish results file " + out + "; '" + out
        + "' was removed or replaced during the run: the lines this run wrote are not in it";
  }

  /** Runs {@code --append} into {@code out} with a fast and a gated URL, applying {@code change} once the fast line is in. */
  private int runChanging(Path out, FileChange change) throws Exception {
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> run = runner.submit(() -> cli.run("-q", "--append", "--out", out.toString(), list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      Conditions.await(() -> size(out) > 0);
      change.apply();
      site.openGate();
      return run.get(30, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
  }

  private interface FileChange {
    void apply() throws IOException;
  }
}
