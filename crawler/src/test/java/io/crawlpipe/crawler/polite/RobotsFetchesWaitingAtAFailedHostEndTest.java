package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a bug in one of a host's events ({@link HostGuard#failWaiting}), a robots.txt fetch of
 * another host that waits there for that host's own robots.txt answer ends, and its host's URLs
 * with it, instead of waiting for an answer that may never come.
 */
class RobotsFetchesWaitingAtAFailedHostEndTest {
  private static final String A_ROBOTS = "http://a.test/robots.txt";
  private static final String B_ROBOTS = "http://b.test/robots.txt";
  private final ManualEventLoop loop = new ManualEventLoop();
  private final Map<HostKey, HostQueue> hosts = new HashMap<>();
  private final CrawlSlots slots = new CrawlSlots(4);
  private final PolitenessSettings politeness = new PolitenessSettings(1, Duration.ZERO, true);
  private final RobotsFetch[] robotsTxt = new RobotsFetch[1];
  private final HostGuard guard = new HostGuard((host, e) -> robotsTxt[0].failWaiting(host, e));

  RobotsFetchesWaitingAtAFailedHostEndTest() {
    robotsTxt[0] = new RobotsFetch(new ScriptedMode(loop), loop, slots, new StartLimits(politeness, loop, slots,
        host -> { }), new RobotsPolicy("crawlpipe/test"), this::host, host -> { }, () -> false, guard);
  }

  private HostQueue host(HostKey key) {
    return hosts.computeIfAbsent(key, k -> new HostQueue(k, null, Duration.ZERO));
  }

  @Test
  void aFetchSharingTheFailedHostsRobotsTxtEndsAndItsHostsUrlsFail() {
    HostQueue a = host(HostKey.of("http://a.test/page"));
    HostQueue b = host(HostKey.of("http://b.test/"));
    FetchTask page = new FetchTask("http://a.test/page", a.key(), Instant.EPOCH);
    a.add(page);
    RobotsChain chain = new RobotsChain(a);  // a's robots.txt redirected to b's, which it waits for
    a.robotsStarted(chain);
    chain.redirected(A_ROBOTS, status(A_ROBOTS, 301, "location", B_ROBOTS).join(), B_ROBOTS);
    chain.await(b);
    b.awaitRobots(chain);

    guard.failWaiting(b, new IllegalStateException("event bug"));
    loop.runPending();

    FetchException e = failure(page.future());
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.getMessage()).isEqualTo(A_ROBOTS + " redirected to " + B_ROBOTS + ", which could not be fetched"
        + " (host scheduler failed: java.lang.IllegalStateException: event bug), so the host is not crawled this run");
    assertThat(b.robotsAwaited()).isFalse();
    assertThat(chain.awaited()).isNull();
    assertThat(a.robotsChain()).isNull();
  }
}
