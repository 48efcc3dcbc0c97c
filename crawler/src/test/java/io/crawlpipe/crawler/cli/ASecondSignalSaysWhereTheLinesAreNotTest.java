package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The line of a second stop signal says where the lines written so far are only when they are
 * there: not when {@code OUT.partial} was removed mid-run, and with the right file and the problem
 * when the sink, a write of which had failed, fails to close.
 */
@Timeout(60)
class ASecondSignalSaysWhereTheLinesAreNotTest extends GatedSiteTestBase {
  @Test
  void aRemovedPartialFileIsSaidLost() throws Exception {
    Path out = dir.resolve("r.jsonl");
    Path partial = AtomicFileSink.partialFile(out);
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    CliRunner cli = new CliRunner();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> run = runner.submit(() -> cli.run("-q", "--out", out.toString(), list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      Conditions.await(() -> size(partial) > 0);
      Files.delete(partial);
      cli.signals.send(StopCause.SIGINT); // another signal: the same one at once would count as a repeat
      cli.signals.send(StopCause.SIGTERM);
      assertThat(cli.halted.get()).isEqualTo(143);
      assertThat(cli.stderr()).contains("crawl: SIGTERM again: stopped at once; '" + partial
          + "' no longer exists: the lines written so far are lost\n");
      site.openGate(); // the test's halt returns, so let the run end
      run.get(30, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void aSinkThatFailsToCloseIsSaidWithTheTemporaryFile() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Path partial = AtomicFileSink.partialFile(out);
    try (AtomicFileSink atomic = AtomicFileSink.create(out)) {
      atomic.write(new CrawlResult("http://a.test/", "http://a.test/", 200, true, "text/html", 10, "t", "UTF-8",
          Instant.EPOCH, 5, 1, null, null));
      String problem = "cannot finish results file " + partial + ": no space left on device";
      ResultSink failed = new ResultSink() {
        @Override
        public void write(CrawlResult result) {
          atomic.write(result);
        }

        @Override
        public void close() {
          throw new StoreException(problem, new IOException("no space left on device"));
        }
      };
      try (ResultOutput output = new ResultOutput(failed, atomic, null, null, out, out.toString(), new FingerprintSet(),
          null, null)) {
        assertThat(output.abandon()).isEqualTo("results so far in " + partial + " (" + problem
            + "; --resume finishes the run)");
      }
    }
    assertThat(Files.readAllLines(partial)).hasSize(1);
  }
}
