package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostBreakersTest {
  private final HostBreakers breakers = new HostBreakers(new BreakerSettings(3, Duration.ofSeconds(30)), new ManualEventLoop());

  private static FetchResult status(int status) {
    return new FetchResult("http://a.test/", "http://a.test/", status, "text/plain", Map.of(), new byte[0],
        Instant.EPOCH, 1, 1);
  }

  private static void attempt(CircuitBreaker breaker, Duration took, FetchResult result) {
    assertThat(breaker.tryAcquirePermission()).isTrue();
    HostBreakers.record(breaker, took.toNanos(), result, null);
  }

  @Test
  void slowSuccessfulResponsesNeverOpenTheBreaker() {
    CircuitBreaker breaker = breakers.create(HostKey.of("http://a.test/"));
    for (int i = 0; i < 10; i++) attempt(breaker, Duration.ofMinutes(5), status(200));
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(HostBreakers.refuses(breaker)).isFalse();
  }

  @Test
  void consecutiveServerErrorsOpenIt() {
    CircuitBreaker breaker = breakers.create(HostKey.of("http://a.test/"));
    for (int i = 0; i < 3; i++) attempt(breaker, Duration.ofMillis(5), status(503));
    assertThat(HostBreakers.refuses(breaker)).isTrue();
  }

  @Test
  void eachTransitionOfAHostsBreakerIsLoggedAtDebug() {
    ManualEventLoop loop = new ManualEventLoop();
    HostBreakers logged = new HostBreakers(new BreakerSettings(2, Duration.ofSeconds(30)), loop);
    try (LogCapture log = LogCapture.debugOf(HostBreakers.class)) {
      CircuitBreaker breaker = logged.create(HostKey.of("http://a.test/"));
      for (int i = 0; i < 2; i++) attempt(breaker, Duration.ofMillis(5), status(503));
      loop.advance(Duration.ofSeconds(31));
      assertThat(HostBreakers.refuses(breaker)).isFalse();
      attempt(breaker, Duration.ofMillis(5), status(503));
      loop.advance(Duration.ofSeconds(31));
      assertThat(HostBreakers.refuses(breaker)).isFalse();
      attempt(breaker, Duration.ofMillis(5), status(200));
      assertThat(log.lines()).containsExactly(
          "circuit breaker open host=http://a.test/ after 2 failures in a row; its URLs fail as circuit_open for 30s",
          "circuit breaker half-open host=http://a.test/: one trial attempt",
          "circuit breaker open again host=http://a.test/: the trial attempt failed; its URLs fail as circuit_open for 30s",
          "circuit breaker half-open host=http://a.test/: one trial attempt",
          "circuit breaker closed host=http://a.test/: the trial attempt succeeded");
    }
  }
}
