package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.SendGate;
import io.crawlpipe.store.ErrorType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A URL whose worker died goes again only when its gate (its host's delay) lets it; stand-in workers in sh. */
@Timeout(60)
class ProcessPoolResendTest {
  /** Says hello, reads its hello and one job, then exits holding the job. */
  private static final String DIES = "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION
      + ",\"pid\":'$$'}'; read hello; read job; exit 3";
  /** Says hello, says it started the first job it reads (as job 2), then reads its stdin to the end and never answers. */
  private static final String SILENT = "echo '{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION
      + ",\"pid\":'$$'}'; read hello; read job; echo '{\"type\":\"started\",\"id\":2}'; exec cat > /dev/null";

  private final List<Runnable> asked = new CopyOnWriteArrayList<>();

  private static WorkerLauncher firstDies(boolean others) {
    return id -> new ProcessBuilder("sh", "-c", id == 1 || others ? DIES : SILENT).start();
  }

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  @Test
  void aUrlWhoseWorkerDiedIsSentAgainOnlyOnceItsGateLetsIt() {
    SendGate holding = asked::add;
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstDies(false))) {
      CompletableFuture<FetchResult> url = mode.fetch("http://127.0.0.1:1/page", () -> {}, holding);
      Conditions.await(() -> asked.size() == 1);  // worker 1 died holding it
      CompletableFuture<Void> probeTaken = new CompletableFuture<>();
      mode.fetch("http://127.0.0.1:1/probe", () -> probeTaken.complete(null));
      probeTaken.orTimeout(30, TimeUnit.SECONDS).join();  // the replacement is ready and has room
      assertThat(mode.stats().redispatched()).as("sent again before the gate let it").isZero();

      asked.getFirst().run();

      Conditions.await(() -> mode.stats().redispatched() == 1);
      assertThat(url).isNotDone();  // held by the silent replacement
      assertThat(asked).hasSize(1);
    }
  }

  @Test
  void aGatedUrlThatKillsEveryWorkerStillEndsAsWorkerCrashedAfterThree() {
    SendGate open = send -> {
      asked.add(send);
      send.run();
    };
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstDies(true))) {
      CompletableFuture<FetchResult> url = mode.fetch("http://127.0.0.1:1/page", () -> {}, open);

      assertThatThrownBy(() -> url.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
            assertThat(e).hasMessageStartingWith("3 worker processes died while fetching it");
            assertThat(e.attempts()).isEqualTo(3);
          });
      assertThat(asked).as("gate asked before each re-send, not after the last death").hasSize(2);
    }
  }

  @Test
  void aGatedUrlLetGoAfterTheStopIsCancelled() {
    SendGate holding = asked::add;
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, firstDies(false))) {
      CompletableFuture<FetchResult> url = mode.fetch("http://127.0.0.1:1/page", () -> {}, holding);
      Conditions.await(() -> asked.size() == 1);
      mode.stopStarting("SIGTERM");

      asked.getFirst().run();

      assertThat(url).isCompletedExceptionally();
      FetchException e = (FetchException) url.exceptionNow();
      assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
      assertThat(e).hasMessageContaining("before a worker took this URL again");
      assertThat(mode.stats().redispatched()).isZero();
    }
  }
}
