package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs logging to one {@code --log} file: each has its own appender (its own descriptor), as
 * two processes have. Whichever rolls the file, the other follows it, and no line is lost below
 * the window of FILE and its three rolled files.
 */
class SharedLogRollingTest {
  private static final long ROLL_SIZE = 10L * 1024 * 1024;
  private static final int LINES = 17_000;  // ~18 MB a writer: ~36 MB together, three rolls
  private static final Pattern MARK = Pattern.compile(" - ([AB]\\d+) x+$");

  @TempDir Path dir;

  @Test
  void twoRunsSharingALogKeepEveryLineWhenItRolls() throws Exception {
    Path path = dir.resolve("shared.log");
    List<Future<?>> runs = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      for (String run : List.of("A", "B")) runs.add(threads.submit(() -> write(path, run, LINES)));
    }
    for (Future<?> run : runs) run.get();
    List<Path> files = new ArrayList<>(LogFile.rolledFiles(path));
    files.addFirst(path);
    Set<String> marks = new HashSet<>();
    long total = 0;
    for (Path file : files) {
      if (!Files.exists(file)) continue;
      total += Files.size(file);
      try (Stream<String> lines = Files.lines(file)) {
        lines.map(MARK::matcher).filter(Matcher::find).forEach(m -> marks.add(m.group(1)));
      }
    }
    assertThat(marks.size()).as("distinct lines kept").isEqualTo(2 * LINES);
    for (Path rolled : LogFile.rolledFiles(path)) {
      assertThat(Files.size(rolled)).isBetween(ROLL_SIZE, ROLL_SIZE + 16 * 1024);
    }
    assertThat(total).isLessThan(4 * ROLL_SIZE);
  }

  @Test
  void aLineAfterAnotherRunRolledTheLogGoesIntoTheNewFile() throws IOException {
    Path path = dir.resolve("crawl.log");
    LoggerContext context = new LoggerContext();
    OutputStreamAppender<ILoggingEvent> appender = LogFile.fileAppender(context, path, line -> { });
    try {
      appender.doAppend(event(context, "before the roll"));
      Files.move(path, path.resolveSibling("crawl.log.1"));
      appender.doAppend(event(context, "after the roll"));
    } finally {
      appender.stop();
    }
    assertThat(Files.readString(path.resolveSibling("crawl.log.1"))).contains("before the roll")
        .doesNotContain("after the roll");
    assertThat(Files.readString(path)).contains("after the roll");
  }

  /** One run: {@code lines} lines of about 1 KB, each marked {@code prefix} and its number. */
  private static void write(Path path, String prefix, int lines) {
    LoggerContext context = new LoggerContext();
    OutputStreamAppender<ILoggingEvent> appender = LogFile.fileAppender(context, path, line -> { });
    try {
      String padding = "x".repeat(1000);
      for (int i = 1; i <= lines; i++) appender.doAppend(event(context, prefix + i + " " + padding));
    } finally {
      appender.stop();
    }
  }

  private static ILoggingEvent event(LoggerContext context, String message) {
    LoggingEvent event = new LoggingEvent(SharedLogRollingTest.class.getName(),
        context.getLogger("io.crawlpipe.test.shared"), Level.WARN, message, null, null);
    event.setMDCPropertyMap(Map.of());  // a context of its own has no MDC
    return event;
  }
}
