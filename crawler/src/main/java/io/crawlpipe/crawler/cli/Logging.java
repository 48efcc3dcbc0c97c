package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Adjusts the log level chosen by {@code -v}; the defaults live in logback.xml (WARN). */
final class Logging {
  private Logging() {}

  static void verbose(boolean verbose) {
    if (verbose && LoggerFactory.getLogger("io.crawlpipe") instanceof Logger logger) {
      logger.setLevel(Level.DEBUG);
    }
  }
}
