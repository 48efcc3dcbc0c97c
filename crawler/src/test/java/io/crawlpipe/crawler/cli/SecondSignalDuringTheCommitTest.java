package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second stop signal that comes while the output is being finished (flushed, synced, renamed):
 * {@link ResultOutput#abandon} waits for that to end and then says the results are complete, not
 * that they are in the temporary file the rename just took away.
 */
@Timeout(60)
class SecondSignalDuringTheCommitTest {
  @TempDir Path dir;

  private static CrawlResult line(String url) {
    return new CrawlResult(url, url, 200, true, "text/html", 10, "t", "UTF-8", Instant.EPOCH, 5, 1, null, null);
  }

  @Test
  void anAbandonAfterTheCommitSaysTheRenamedFileIsComplete() throws IOException {
    Path target = dir.resolve("out.jsonl");
    try (ResultOutput output = OutputOpening.file(target, false, null, false, false, TemporaryFileGuard.NONE, w -> { })) {
      output.sink().write(line("http://a.test/"));
      output.finish();

      assertThat(output.abandon()).isEqualTo("the results in " + target + " are complete");
    }
    assertThat(Files.readAllLines(target)).hasSize(1);
  }

  @Test
  void anAbandonDuringTheFinalFlushWaitsForItAndSaysTheResultsAreComplete() throws Exception {
    CountDownLatch flushing = new CountDownLatch(1);
    CountDownLatch letFlush = new CountDownLatch(1);
    OutputStream slow = new OutputStream() {
      @Override public void write(int b) { }

      @Override public void flush() throws IOException {
        flushing.countDown();
        try {
          letFlush.await();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    };
    try (ResultOutput output = OutputOpening.standard(new PrintStream(slow), StandardStream.STDOUT, null, null)) {
      Thread finisher = Thread.ofPlatform().start(output::finish);
      assertThat(flushing.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<String> abandoned = new CompletableFuture<>();
      Thread signal = Thread.ofPlatform().start(() -> abandoned.complete(output.abandon()));
      Conditions.await(() -> signal.getState() == Thread.State.BLOCKED || signal.getState() == Thread.State.WAITING
          || abandoned.isDone());

      letFlush.countDown();
      finisher.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(abandoned.get(10, TimeUnit.SECONDS)).isEqualTo("the results on stdout are complete");
    }
  }
}
