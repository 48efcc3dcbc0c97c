package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(60)
class LogCaptureTest {
  private static final int LINES = 200_000;

  /** As a timer thread logs while a test waits for its line (DeadlineTest): every read is whole and in order. */
  @Test
  void linesCanBeReadWhileAnotherThreadLogs() throws InterruptedException {
    Logger logger = (Logger) LoggerFactory.getLogger(LogCaptureTest.class);
    logger.setAdditive(false); // not 200,000 lines on the tests' console
    try (LogCapture log = LogCapture.debugOf(LogCaptureTest.class)) {
      CountDownLatch reading = new CountDownLatch(1);
      Thread writer = Thread.ofPlatform().start(() -> {
        awaitUninterruptibly(reading);
        for (int i = 0; i < LINES; i++) logger.debug("line {}", i);
      });
      try {
        reading.countDown();
        while (writer.isAlive()) {
          List<String> lines = log.lines();
          if (!lines.isEmpty()) assertThat(lines.getLast()).isEqualTo("line " + (lines.size() - 1));
        }
      } finally {
        writer.join();
      }
      assertThat(log.lines()).hasSize(LINES).startsWith("line 0").endsWith("line " + (LINES - 1));
    } finally {
      logger.setAdditive(true);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
