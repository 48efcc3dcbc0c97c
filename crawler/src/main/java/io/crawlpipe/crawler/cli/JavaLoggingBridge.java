package io.crawlpipe.crawler.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code java.util.logging} into SLF4J for the command line, so that what OkHttp logs there
 * (a connection it found leaked) goes where crawlpipe's own log goes, {@code --log} included, in
 * its format, instead of raw onto stderr. Set up lazily: {@link #install()} names this class as
 * the JDK's logging configuration class, which the JDK instantiates when something first logs
 * through {@code java.util.logging} (OkHttp does on its first use), so a run that never does pays
 * nothing for it. Records below INFO are dropped before they reach SLF4J, as the JDK's default
 * configuration drops them. Public only for the JDK's {@link LogManager}, which creates it.
 */
public final class JavaLoggingBridge {
  private static final String CONFIG_CLASS = "java.util.logging.config.class";
  private static final String CONFIG_FILE = "java.util.logging.config.file";

  /** Configures the JDK's logging: one handler, {@link ToSlf4j}, on the root logger, at INFO. */
  public JavaLoggingBridge() throws IOException {
    String config = "handlers=" + ToSlf4j.class.getName() + "\n.level=INFO\n";
    LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(ISO_8859_1)));
  }

  /**
   * Names this class as the JDK's logging configuration, unless the JVM was given one of its own
   * ({@code -Djava.util.logging.config.file} or {@code .class}). To be called first thing, before
   * anything logs through {@code java.util.logging}: the JDK reads its configuration once.
   */
  static void install() {
    if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
      System.setProperty(CONFIG_CLASS, JavaLoggingBridge.class.getName());
    }
  }

  /**
   * Hands each record to the SLF4J logger of the same name, at the matching level (SEVERE: error,
   * WARNING: warn, INFO: info, CONFIG and FINE: debug, below: trace), its message formatted as the
   * JDK's formatters do and its throwable attached. Thread-safe.
   */
  public static final class ToSlf4j extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      if (record == null) return;
      Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "" : record.getLoggerName());
      int level = record.getLevel().intValue();
      Throwable thrown = record.getThrown();
      if (level >= Level.SEVERE.intValue()) {
        if (logger.isErrorEnabled()) logger.error(formatter.formatMessage(record), thrown);
      } else if (level >= Level.WARNING.intValue()) {
        if (logger.isWarnEnabled()) logger.warn(formatter.formatMessage(record), thrown);
      } else if (level >= Level.INFO.intValue()) {
        if (logger.isInfoEnabled()) logger.info(formatter.formatMessage(record), thrown);
      } else if (level >= Level.FINE.intValue()) {
        if (logger.isDebugEnabled()) logger.debug(formatter.formatMessage(record), thrown);
      } else if (logger.isTraceEnabled()) {
        logger.trace(formatter.formatMessage(record), thrown);
      }
    }

    @Override
    public void flush() {
      // SLF4J's appenders flush as they write.
    }

    @Override
    public void close() {
      // Nothing of its own to release.
    }
  }
}
