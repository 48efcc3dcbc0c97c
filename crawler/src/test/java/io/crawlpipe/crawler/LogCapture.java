package io.crawlpipe.crawler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG lines one class logs while a test runs: sets its logger to DEBUG and collects its
 * events until closed, which restores the level and detaches the collector. Thread-safe: lines
 * may be logged on any thread (a timer's, a worker's) while the test reads them.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level level;
  private final Lines events = new Lines();

  private LogCapture(String name) {
    logger = (Logger) LoggerFactory.getLogger(name);
    level = logger.getLevel();
    events.start();
    logger.addAppender(events);
    logger.setLevel(Level.DEBUG);
  }

  /** Starts collecting what {@code source}'s logger logs, at DEBUG and above. */
  public static LogCapture debugOf(Class<?> source) {
    return new LogCapture(source.getName());
  }

  /** As {@link #debugOf(Class)}, for the logger named {@code name} (a class this test cannot see). */
  public static LogCapture debugOf(String name) {
    return new LogCapture(name);
  }

  /** The lines logged so far, formatted, in the order they were logged: a copy, not changed by later lines. */
  public List<String> lines() {
    return List.copyOf(events.lines);
  }

  /** The lines logged so far at ERROR, as {@link #lines}. */
  public List<String> errors() {
    return List.copyOf(events.errors);
  }

  @Override
  public void close() {
    logger.detachAppender(events);
    logger.setLevel(level);
  }

  /**
   * Keeps each event's formatted message in a concurrent queue, so a read never races an append
   * (logback's {@code ListAppender} keeps them in a plain {@code ArrayList}).
   */
  private static final class Lines extends AppenderBase<ILoggingEvent> {
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      String line = String.valueOf(event.getFormattedMessage()); // a null message reads as "null"
      if (event.getLevel() == Level.ERROR) errors.add(line);
      lines.add(line);
    }
  }
}
