package io.crawlpipe.crawler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG lines one class logs while a test runs: sets its logger to DEBUG and collects its
 * events until closed, which restores the level and detaches the collector.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level level;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  private LogCapture(Class<?> source) {
    logger = (Logger) LoggerFactory.getLogger(source);
    level = logger.getLevel();
    events.start();
    logger.addAppender(events);
    logger.setLevel(Level.DEBUG);
  }

  /** Starts collecting what {@code source}'s logger logs, at DEBUG and above. */
  public static LogCapture debugOf(Class<?> source) {
    return new LogCapture(source);
  }

  /** The lines logged so far, formatted. */
  public List<String> lines() {
    return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(events);
    logger.setLevel(level);
  }
}
