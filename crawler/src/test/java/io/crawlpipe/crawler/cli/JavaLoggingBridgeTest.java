package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code java.util.logging}, as OkHttp logs, in the run's log. */
class JavaLoggingBridgeTest {
  static final String LEAKED = "A connection to http://127.0.0.1:18011/ was leaked. Did you forget to close a response body?";

  @TempDir Path dir;

  @Test
  void aRecordOfOkHttpGoesToItsSlf4jLoggerAtItsLevelWithItsThrowable() {
    Logger okhttp = (Logger) LoggerFactory.getLogger("okhttp3.OkHttpClient");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    okhttp.addAppender(events);
    try {
      LogRecord record = new LogRecord(Level.WARNING, "{0} was leaked");
      record.setLoggerName("okhttp3.OkHttpClient");
      record.setParameters(new Object[] {"A connection"});
      record.setThrown(new IllegalStateException("allocated here"));
      new JavaLoggingBridge.ToSlf4j().publish(record);
      assertThat(events.list).singleElement().satisfies(event -> {
        assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(event.getFormattedMessage()).isEqualTo("A connection was leaked");
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("allocated here");
      });
    } finally {
      okhttp.detachAppender(events);
    }
  }

  @Test
  void okHttpsJavaLoggingWarningEndsInTheRunsLogNotRawOnStderr() throws Exception {
    Path log = dir.resolve("crawl.log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        JavaLoggingChild.class.getName(), log.toString()));
    Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(stderr).isZero();
    assertThat(stderr).isEmpty();
    assertThat(Files.readString(log)).contains("WARN", "okhttp3.OkHttpClient - " + LEAKED);
  }

  /** The child: what {@code Main.main} does first, a run's {@code --log FILE}, then OkHttp's warning. */
  static final class JavaLoggingChild {
    public static void main(String[] args) throws IOException {
      JavaLoggingBridge.install();
      try (LogFile log = LogFile.open(Path.of(args[0]), false, false, warning -> { })) {
        java.util.logging.Logger.getLogger("okhttp3.OkHttpClient").log(Level.WARNING, LEAKED);
      }
    }
  }
}
