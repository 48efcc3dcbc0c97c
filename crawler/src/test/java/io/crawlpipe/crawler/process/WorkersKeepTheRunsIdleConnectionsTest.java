package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each worker is sent its share of {@code --concurrency} but keeps the idle connections of the
 * whole run: the parent spreads URLs without regard to their host, so every worker may see every
 * host. A stand-in worker in sh writes the hello it was sent to a file.
 */
@Timeout(60)
class WorkersKeepTheRunsIdleConnectionsTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  @Test
  void eachWorkerIsToldItsShareOfTheConcurrencyAndTheIdleConnectionsOfTheWholeRun(@TempDir Path dir)
      throws Exception {
    WorkerLauncher recordsItsHello = id -> new ProcessBuilder("sh", "-c",
        "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":'$$'}'; read hello;"
            + " printf '%s\\n' \"$hello\" > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"; exec cat > /dev/null",
        dir.resolve("hello-" + id).toString()).start();
    // -c 1000 over 4 workers: 250 each; one client of the whole run keeps 3,000 idle (250 alone: 1,000).
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(4, 0), TestPools.FETCH, 1000, recordsItsHello)) {
      for (int id = 1; id <= 4; id++) {
        ParentMessage.Hello hello = helloSentTo(dir.resolve("hello-" + id));
        assertThat(hello.worker()).isEqualTo(id);
        assertThat(hello.concurrency()).as("worker %d's share", id).isEqualTo(250);
        assertThat(hello.idleConnectionsToKeep()).as("worker %d's idle connections", id).isEqualTo(3_000);
      }
    }
  }

  @Test
  void aWorkersIdleConnectionsAreSizedForTheWholeRunAtEveryConcurrency() {
    ProcessPoolSettings two = TestPools.settings(2, 0);
    assertThat(two.idleConnectionsPerWorker(64)).isEqualTo(256);
    assertThat(two.idleConnectionsPerWorker(1)).isEqualTo(5);
    assertThat(TestPools.settings(8, 0).idleConnectionsPerWorker(1000)).isEqualTo(3_000);
  }

  private ParentMessage.Hello helloSentTo(Path file) throws IOException, ProtocolException {
    Conditions.await(() -> Files.exists(file));
    return (ParentMessage.Hello) codec.parseParent(Files.readString(file, StandardCharsets.UTF_8).strip());
  }
}
