package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stop (a signal here; the {@code --max-time} deadline takes the same path) that comes once every
 * URL of the list has its line, while the run finishes its output (in {@code --mode processes} it
 * would be waiting for the workers to exit): it stopped nothing, so the run ends as a complete one.
 */
@Timeout(60)
class AStopAfterTheLastLineTest extends GatedSiteTestBase {
  private final ManualSignals signals = new ManualSignals();
  private final CountDownLatch finishing = new CountDownLatch(1);
  private final CountDownLatch letFinish = new CountDownLatch(1);

  @AfterEach
  void letTheRunFinish() {
    letFinish.countDown(); // before the base class closes the site
  }

  /**
   * Standard output that holds a flush made by {@code finisher}, the thread running the command (the
   * lines are written on the parse pool's): the final one, when the output is finished.
   */
  private OutputStream heldAtTheFinish(Thread[] finisher) {
    return new OutputStream() {
      @Override public void write(int b) { }

      @Override public void flush() throws IOException {
        if (Thread.currentThread() != finisher[0] || finishing.getCount() == 0) return;
        finishing.countDown();
        try {
          letFinish.await();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    };
  }

  @Test
  void aSignalWhileTheOutputIsFinishedLeavesTheRunComplete() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger halted = new AtomicInteger(-1);
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), () -> false, signals, halted::set, name -> null);
    Thread[] runner = new Thread[1];
    CompletableFuture<Integer> code = new CompletableFuture<>();
    runner[0] = Thread.ofPlatform().unstarted(() -> code.complete(Main.run(new String[] {"--out", "-", urls.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(heldAtTheFinish(runner)),
        new PrintStream(err, true, StandardCharsets.UTF_8), env)));
    runner[0].start();
    assertThat(finishing.await(30, TimeUnit.SECONDS)).isTrue();

    signals.send(StopCause.SIGTERM);
    letFinish.countDown();

    assertThat(code.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).contains("crawl: 2 URLs, 2 ok, 0 failed").doesNotContain("stopped by").doesNotContain("--resume");
    assertThat(stderr).contains("crawl: SIGTERM: the crawl has finished; finishing the results file")
        .doesNotContain("in flight");
    assertThat(halted.get()).isEqualTo(-1);
  }
}
