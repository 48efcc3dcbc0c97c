package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.AtomicFileSink;
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
 * A run whose results directory is removed while it crawls cannot rename {@code OUT.partial} onto
 * {@code OUT} at the end; its last line must not promise lines kept for {@code --resume}: the file
 * that held them is gone.
 */
@Timeout(60)
class AResultsDirectoryRemovedMidRunSaysTheLinesAreLostTest extends GatedSiteTestBase {
  @Test
  void theFailedRenameSaysThePartialFileNoLongerExists() throws Exception {
    Path out = dir.resolve("d/r.jsonl");
    Path partial = AtomicFileSink.partialFile(out);
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      CliRunner cli = new CliRunner();
      Future<Integer> run = runner.submit(() -> cli.run("-q", "--out", out.toString(), list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      Conditions.await(() -> size(partial) > 0);
      removeTree(out.getParent());
      site.openGate();
      assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.IO);
      assertThat(cli.stderr().strip().lines()).last().asString()
          .startsWith("crawl: cannot move '" + partial + "' onto '" + out + "': ")
          .endsWith("; '" + partial + "' no longer exists: the lines written so far are lost")
          .doesNotContain("kept");
    } finally {
      runner.shutdownNow();
    }
  }
}
