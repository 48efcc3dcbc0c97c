package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --max-time}'s timer, and what it does when its action fails. */
class DeadlineTest {

  @Test
  void anActionThatThrowsAnErrorIsLoggedNotSwallowed() {
    try (LogCapture log = LogCapture.debugOf(Deadline.class);
        Deadline deadline = Deadline.start(Duration.ofMillis(1), () -> {
          throw new OutOfMemoryError("Java heap space");
        })) {
      Conditions.await(() -> !log.lines().isEmpty());
      assertThat(log.lines()).containsExactly(
          "--max-time: the deadline's action failed: java.lang.OutOfMemoryError: Java heap space");
    }
  }

  @Test
  void aDeadlineWhoseNoticeCannotBeWrittenStillStopsTheRunAs124() {
    CrawlControl control = new CrawlControl(Duration.ofSeconds(5));
    RunStops stops = new RunStops(control, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        code -> { }, System::nanoTime);
    stops.crawling(notice -> {
      throw new OutOfMemoryError("Java heap space");
    }, cause -> { }, () -> true);
    try (LogCapture log = LogCapture.debugOf(Deadline.class);
        Deadline deadline = Deadline.start(Duration.ofMillis(1), () -> stops.accept(StopCause.DEADLINE))) {
      Conditions.await(() -> !log.lines().isEmpty());
      assertThat(control.stopReason()).isEqualTo("--max-time");
      assertThat(stops.cause()).isEqualTo(StopCause.DEADLINE);
    }
  }
}
