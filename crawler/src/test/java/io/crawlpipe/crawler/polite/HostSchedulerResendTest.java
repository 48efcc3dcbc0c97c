package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A request the mode sends again after its worker died waits for its host's turn, as a first send does. */
class HostSchedulerResendTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);
  private final Map<String, CompletableFuture<FetchResult>> replies = new HashMap<>();

  HostSchedulerResendTest() {
    mode.answer(url -> replies.computeIfAbsent(url, u -> held()));
  }

  private HostScheduler scheduler(int perHost, Duration delay, String... urls) {
    HostScheduler scheduler = mode.scheduler(10, new PolitenessSettings(perHost, delay, false), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
    for (String url : urls) scheduler.fetch(url);
    loop.runPending();
    return scheduler;
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void aRequestSentAgainWaitsForTheDelaySinceTheLastRequestWrittenToItsHost() {
    scheduler(2, seconds(2), "http://a.test/0", "http://a.test/1");
    loop.advance(seconds(3));
    assertThat(mode.callTimes("http://a.test/")).containsExactly(Duration.ZERO, seconds(2));

    mode.workerDied("http://a.test/0");  // at 3 s, 1 s after /1 was written
    loop.advance(seconds(5));

    assertThat(mode.resendTimes("http://a.test/0")).containsExactly(seconds(4));
  }

  @Test
  void theHostsNextRequestWaitsForTheDelayAfterARequestSentAgain() {
    scheduler(1, seconds(2), "http://a.test/0", "http://a.test/1");
    loop.advance(seconds(1));
    mode.workerDied("http://a.test/0");
    loop.advance(seconds(2));
    replies.get("http://a.test/0").complete(ok("http://a.test/0").join());  // at 3 s
    loop.advance(seconds(5));

    assertThat(mode.resendTimes("http://a.test/0")).containsExactly(seconds(2));
    assertThat(mode.callTimes("http://a.test/")).containsExactly(Duration.ZERO, seconds(4));
  }

  @Test
  void aRequestWhoseWorkerDiedBeforeWritingItGoesAgainAtOnce() {
    mode.holdSends();  // never reported written: the host still waits for this send
    scheduler(1, seconds(2), "http://a.test/0");
    loop.advance(seconds(1));
    mode.workerDied("http://a.test/0");
    loop.runPending();

    assertThat(mode.resendTimes("http://a.test/0")).containsExactly(seconds(1));
  }

  @Test
  void aStopLetsARequestWaitingToBeSentAgainGoAtOnceForTheModeToCancel() {
    HostScheduler scheduler = scheduler(1, seconds(10), "http://a.test/0");
    loop.advance(seconds(1));
    mode.workerDied("http://a.test/0");
    loop.advance(seconds(1));
    assertThat(mode.resendTimes("http://a.test/0")).isEmpty();

    scheduler.stopStarting("SIGTERM");
    loop.runPending();

    assertThat(mode.resendTimes("http://a.test/0")).containsExactly(seconds(2));
  }
}
