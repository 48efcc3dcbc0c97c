package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A redirect's hop to a host whose circuit is open fails naming the hop first, as a hop's other failures do. */
@Timeout(10)
class AHopThatMeetsAnOpenCircuitNamesItselfTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  @Test
  void aHopToAHostWhoseCircuitIsOpenSaysWhereItWasRedirected() {
    mode.answer(u -> u.startsWith("http://a.test/") ? status(u, 302, "location", "http://b.test/x") : status(u, 500));
    HostScheduler scheduler = mode.scheduler(8, new PolitenessSettings(4, Duration.ZERO, false),
        new RetrySettings(0, Duration.ZERO, Duration.ZERO), new BreakerSettings(2, Duration.ofSeconds(30)));
    scheduler.fetch("http://b.test/1");
    scheduler.fetch("http://b.test/2");
    loop.runPending();
    CompletableFuture<FetchResult> redirected = scheduler.fetch("http://a.test/start");
    CompletableFuture<FetchResult> direct = scheduler.fetch("http://b.test/3");
    loop.runPending();
    FetchException e = ScriptedMode.failure(redirected);
    assertThat(e.type()).isEqualTo(ErrorType.CIRCUIT_OPEN);
    assertThat(e.getMessage()).isEqualTo("redirected to http://b.test/x, circuit open for http://b.test/"
        + " after repeated failures (last: status 500); not attempted");
    assertThat(ScriptedMode.failure(direct).getMessage()).startsWith("circuit open for http://b.test/ after");
  }
}
