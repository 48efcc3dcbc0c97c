package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.DurationText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchProgressTest {

  @Test
  void aLimitIsPrintedAsShortlyAsItAllows() {
    assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(DurationText.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationText.format(Duration.ofMillis(300))).isEqualTo("300ms");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
  }

  @Test
  void theTimeoutMessageNamesThePhaseTheFetchWasIn() {
    FetchProgress progress = new FetchProgress(Duration.ofSeconds(30));
    progress.request("a.test", null);
    progress.lookingUp("a.test");
    assertThat(progress.timeoutMessage()).isEqualTo("name lookup of a.test did not finish within 30s (--timeout)");
    progress.handshaking();
    assertThat(progress.timeoutMessage()).isEqualTo("TLS handshake with a.test did not finish within 30s (--timeout)");
    progress.readingBody(-1);
    progress.bodyRead(12);
    assertThat(progress.timeoutMessage()).isEqualTo("body incomplete after 30s (--timeout): 12 bytes read");
  }

  @Test
  void aFailureAtARedirectsHopNamesTheHop() {
    FetchProgress progress = new FetchProgress(Duration.ofSeconds(30));
    progress.request("a.test", null);
    assertThat(progress.atHop("boom")).isEqualTo("boom");
    progress.request("b.test", "http://b.test/x");
    assertThat(progress.atHop("boom")).isEqualTo("redirected to http://b.test/x: boom");
  }
}
