package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
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
 * After a bug in one of a host's events ({@link HostGuard#failWaiting}), its URLs waiting out a
 * retry backoff end at once as {@code internal}, as the ones waiting in its queue do, not when
 * their backoff is over; and their timers, firing later, neither end them again nor retry them.
 */
@Timeout(10)
class AUrlWaitingOutARetryEndsWhenAnEventOfItsHostThrowsTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  /** One request at a time to a.test, robots.txt ignored, a 20 to 40 s backoff, a breaker that stays closed. */
  private HostScheduler scheduler() {
    return mode.scheduler(4, new PolitenessSettings(1, Duration.ZERO, false),
        new RetrySettings(2, Duration.ofSeconds(40), Duration.ofSeconds(60)), BreakerSettings.DEFAULTS);
  }

  @Test
  void aUrlOnItsBackoffTimerEndsAtOnceAsInternalAndItsTimerLaterChangesNothing() {
    CompletableFuture<FetchResult> brokenReply = held();
    mode.answer(u -> u.contains("/503") ? status(u, 503) : brokenReply);
    HostScheduler scheduler = scheduler();
    CompletableFuture<FetchResult> backingOff = scheduler.fetch("http://a.test/503");
    CompletableFuture<FetchResult> broken = scheduler.fetch("http://a.test/broken");
    loop.runPending();
    assertThat(backingOff).isNotDone();  // its backoff timer runs

    brokenReply.complete(null);  // a bug's stand-in: the event that ends the host's request throws
    loop.runPending();

    assertThat(loop.elapsed()).isZero();
    assertThat(failure(broken).type()).isEqualTo(ErrorType.INTERNAL);
    FetchException e = failure(backingOff);
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.getMessage()).startsWith("host scheduler failed: ");
    assertThat(e.attempts()).isEqualTo(1);

    loop.advance(Duration.ofMinutes(2));  // past the backoff drawn for the 503

    assertThat(failure(backingOff)).isSameAs(e);
    assertThat(mode.pageCalls()).containsExactly("http://a.test/503", "http://a.test/broken");
  }
}
