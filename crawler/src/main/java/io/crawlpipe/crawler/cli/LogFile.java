package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.LoggerFactory;

/**
 * {@code --log FILE}: sends logback's output to FILE instead of stderr until closed. The file rolls
 * at 10 MB into {@code FILE.1} ... {@code FILE.3} (the oldest is dropped); a stream ({@link
 * OutputTargets#isStream}: a device, a named pipe, {@code /dev/stderr}, {@code /dev/fd/N}) is
 * written directly, appending, and never rolls. The run's start and end are logged at INFO, so the
 * file tells when each cron run happened and how it ended. Configured in code, not XML; closing
 * restores the stderr appender and the level.
 */
final class LogFile implements AutoCloseable {
  /** The logger whose INFO lines (run start and end) go to the log file. */
  static final String RUN_LOGGER = "io.crawlpipe.run";
  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
  private final Logger root;
  private final Logger run;
  private final Level runLevel;
  private final Appender<ILoggingEvent> stderr;
  private final OutputStreamAppender<ILoggingEvent> file;

  private LogFile(Logger root, Logger run, Appender<ILoggingEvent> stderr, OutputStreamAppender<ILoggingEvent> file) {
    this.root = root;
    this.run = run;
    this.runLevel = run.getLevel();
    this.stderr = stderr;
    this.file = file;
  }

  /**
   * Redirects the log to {@code path}. A file (parent directories created) is appended to and rolls
   * beside itself; {@code path} is not a symbolic link (see {@link RunNames}), so it rolls beside
   * the file a link points to, and the link stays. A {@code stream} must exist: it is opened once,
   * for appending (a named pipe waits here for its reader), and closed by {@link #close()}.
   *
   * @throws IOException when the file or stream cannot be opened for appending
   */
  static LogFile open(Path path, boolean stream) throws IOException {
    if (!stream) {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IOException("logging is not logback; cannot redirect it");
    }
    OutputStreamAppender<ILoggingEvent> appender = stream ? streamAppender(context, path)
        : rollingAppender(context, path.toString());
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger run = context.getLogger(RUN_LOGGER);
    LogFile log = new LogFile(root, run, root.getAppender("STDERR"), appender);
    root.addAppender(appender);
    if (log.stderr != null) root.detachAppender(log.stderr);
    if (!run.isInfoEnabled()) run.setLevel(Level.INFO);
    return log;
  }

  /** Writes to the stream as it is: never created, truncated, rolled or renamed. */
  private static OutputStreamAppender<ILoggingEvent> streamAppender(LoggerContext context, Path path)
      throws IOException {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setEncoder(encoder(context));
    appender.setOutputStream(Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    appender.start();
    return appender;
  }

  private static RollingFileAppender<ILoggingEvent> rollingAppender(LoggerContext context, String path) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setFile(path);
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(path + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(3);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder(context));
    appender.start();
    return appender;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  @Override
  public void close() {
    if (stderr != null) root.addAppender(stderr);
    root.detachAppender(file);
    file.stop();
    run.setLevel(runLevel);
  }
}
