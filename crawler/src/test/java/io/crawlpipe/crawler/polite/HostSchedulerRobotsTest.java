package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.body;
import static io.crawlpipe.crawler.polite.ScriptedMode.held;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A host's robots.txt and the pages it governs, among many hosts competing for the crawl's slots. */
class HostSchedulerRobotsTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private HostScheduler scheduler(int concurrency) {
    return mode.scheduler(concurrency, new PolitenessSettings(4, Duration.ZERO, true), RetrySettings.DEFAULTS,
        BreakerSettings.DEFAULTS);
  }

  @Test
  void aHostsFirstPageFollowsItsRobotsTxtBeforeTheNextHostsRobotsTxt() {
    HostScheduler scheduler = scheduler(1);
    for (String host : new String[] {"a", "b", "c"}) scheduler.fetch("http://" + host + ".test/home");
    loop.runPending();

    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt", "http://a.test/home",
        "http://b.test/robots.txt", "http://b.test/home", "http://c.test/robots.txt", "http://c.test/home");
  }

  @Test
  void urlsItsRobotsTxtRefusesEndAsSoonAsItAnswersNotAfterTheHostsInLineForASlot() {
    mode.robots("http://a.test/robots.txt", body("http://a.test/robots.txt", 200, "text/plain",
        "User-agent: *\nDisallow: /\n"));
    mode.robots("http://b.test/robots.txt", held());  // takes the only slot once a's robots.txt frees it
    HostScheduler scheduler = scheduler(1);
    CompletableFuture<FetchResult> a = scheduler.fetch("http://a.test/x");
    CompletableFuture<FetchResult> b = scheduler.fetch("http://b.test/x");  // in line for the slot
    loop.runPending();

    assertThat(mode.calls()).containsExactly("http://a.test/robots.txt", "http://b.test/robots.txt");
    assertThat(a).isCompletedExceptionally();
    assertThat(a.exceptionNow()).isInstanceOf(FetchException.class)
        .extracting(e -> ((FetchException) e).type()).isEqualTo(ErrorType.ROBOTS_DISALLOWED);
    assertThat(b).isNotDone();
  }
}
