package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjusts the log level chosen by {@code -v}; the defaults live in logback.xml (WARN). Only when
 * SLF4J's backend is logback: a worker JVM started by a program that embeds crawlpipe runs on that
 * program's class path, whose own backend (or none) and its configuration then decide.
 */
final class Logging {
  private Logging() {}

  static void verbose(boolean verbose) {
    if (verbose && LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.")) {
      Logback.debug();
    }
  }

  /** Loaded only when logback is there: its classes are not on every class path. */
  private static final class Logback {
    static void debug() {
      if (LoggerFactory.getLogger("io.crawlpipe") instanceof Logger logger) logger.setLevel(Level.DEBUG);
    }
  }
}
