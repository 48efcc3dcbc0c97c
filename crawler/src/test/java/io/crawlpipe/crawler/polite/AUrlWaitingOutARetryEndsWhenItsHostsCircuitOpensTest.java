package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When a host's circuit opens, its URLs waiting out a retry backoff end at once as {@code
 * circuit_open}, as the ones waiting in its queue do, not when their backoff is over; and a stale
 * retry never becomes the trial attempt after the cool-down.
 */
@Timeout(10)
class AUrlWaitingOutARetryEndsWhenItsHostsCircuitOpensTest {
  private static final String OPEN = "circuit open for http://a.test/ after repeated failures (last: status 500);"
      + " not attempted again";
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  /** One request at a time to a.test, robots.txt ignored, a 20 to 40 s backoff, a circuit that opens after 3 failures. */
  private HostScheduler scheduler(Duration cooldown) {
    return mode.scheduler(4, new PolitenessSettings(1, Duration.ZERO, false),
        new RetrySettings(2, Duration.ofSeconds(40), Duration.ofSeconds(60)), new BreakerSettings(3, cooldown));
  }

  @Test
  void aUrlOnItsBackoffTimerEndsAtOnceWhenTheCircuitOpensWithItsAttemptCounted() {
    mode.answer(u -> u.contains("/503") ? status(u, 503) : status(u, 500));
    HostScheduler scheduler = scheduler(Duration.ofSeconds(30));
    CompletableFuture<FetchResult> backingOff = scheduler.fetch("http://a.test/503");
    scheduler.fetch("http://a.test/500?i=1");
    scheduler.fetch("http://a.test/500?i=2");
    loop.runPending();

    assertThat(loop.elapsed()).isZero();
    FetchException e = ScriptedMode.failure(backingOff);
    assertThat(e.type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
    assertThat(e.getMessage()).isEqualTo(OPEN);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void theUrlWhoseTransientFailureOpensTheCircuitEndsAtOnceInsteadOfBackingOff() {
    mode.answer(u -> u.contains("/503") ? status(u, 503) : status(u, 500));
    HostScheduler scheduler = scheduler(Duration.ofSeconds(30));
    scheduler.fetch("http://a.test/500?i=1");
    scheduler.fetch("http://a.test/500?i=2");
    CompletableFuture<FetchResult> last = scheduler.fetch("http://a.test/503");
    loop.runPending();

    FetchException e = ScriptedMode.failure(last);
    assertThat(e.type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
    assertThat(e.getMessage()).isEqualTo("circuit open for http://a.test/ after repeated failures (last: status 503);"
        + " not attempted again");
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void aRetryDueAfterTheCooldownIsNotTheTrialAttempt() {
    mode.answer(u -> u.contains("/503") ? status(u, 503) : u.contains("/500") ? status(u, 500) : ok(u));
    HostScheduler scheduler = scheduler(Duration.ofSeconds(5));
    CompletableFuture<FetchResult> backingOff = scheduler.fetch("http://a.test/503");
    scheduler.fetch("http://a.test/500?i=1");
    scheduler.fetch("http://a.test/500?i=2");
    loop.runPending();
    loop.advance(Duration.ofSeconds(6));  // past the cool-down
    CompletableFuture<FetchResult> trial = scheduler.fetch("http://a.test/fresh");
    loop.advance(Duration.ofMinutes(2));  // past the backoff drawn for the 503

    assertThat(trial.join().status()).isEqualTo(200);
    assertThat(ScriptedMode.failure(backingOff).getMessage()).isEqualTo(OPEN);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/503", "http://a.test/500?i=1", "http://a.test/500?i=2",
        "http://a.test/fresh");
  }
}
