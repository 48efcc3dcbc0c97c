package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.FilterReply;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Adjusts the log level chosen by {@code -v}; the defaults live in logback.xml (WARN). Sends the
 * log's stderr lines through a run's progress line while it is shown ({@link #above}). Only when
 * SLF4J's backend is logback: a worker JVM started by a program that embeds crawlpipe runs on that
 * program's class path, whose own backend (or none) and its configuration then decide. Holds no
 * state of its own: what a run changes in logback's configuration it undoes itself.
 */
final class Logging {
  private Logging() {}

  static void verbose(boolean verbose) {
    if (verbose && logback()) Logback.debug();
  }

  /**
   * Until the returned action runs, the log's lines for stderr (the root logger's console
   * appenders with target {@code System.err}, the {@code STDERR} one of logback.xml, and a {@code
   * --log} written through the run's stream {@code err}, such as {@code --log /dev/stderr}) are
   * written by {@code line} ({@link ProgressLine#log}), with those appenders' encoders, instead of
   * straight to stderr, where they would be glued to the line's end. A log sent elsewhere ({@code
   * --log FILE}) is left alone. The action puts the appenders back; it runs once, from any thread.
   */
  static Runnable above(ProgressLine line, PrintStream err) {
    return logback() ? Logback.above(line, err) : () -> { };
  }

  /**
   * Whether the log goes to stderr's terminal other than through the run's stderr ({@code --log
   * /dev/tty} run from that terminal, {@code --log /dev/pts/N} naming it; see {@link
   * LogFile#open(java.nio.file.Path, boolean, Terminal, java.util.function.Consumer)}): its lines
   * cannot be taken through a progress line there, so none is drawn. A log on another terminal keeps it.
   */
  static boolean onTerminal() {
    return logback() && Logback.onTerminal();
  }

  /**
   * The encoder of logback.xml's {@code STDERR} appender: a pattern encoder whose charset is the
   * one {@code System.err} encodes in when the encoder is made, so that the log's lines and the
   * run's {@code crawl:} lines share stderr's encoding ({@code ?} for a character its map lacks).
   * Not the {@code stderr.encoding} property itself: the JVM sets it to the locale's map name even
   * when Java has no such charset ({@code ARMSCII-8}), and its {@code System.err} is UTF-8 then. A
   * {@code <charset>} in the configuration still overrides it. Made by logback's configurator; as
   * thread-safe as its superclass.
   */
  public static final class StderrEncoder extends PatternLayoutEncoder {
    /** Called by logback, which reads the class name in logback.xml. */
    public StderrEncoder() {
      setCharset(System.err.charset());
    }
  }

  private static boolean logback() {
    return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.");
  }

  /** Loaded only when logback is there: its classes are not on every class path. */
  private static final class Logback {
    static void debug() {
      if (LoggerFactory.getLogger("io.crawlpipe") instanceof Logger logger) logger.setLevel(Level.DEBUG);
    }

    static Runnable above(ProgressLine line, PrintStream err) {
      if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return () -> { };
      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      List<OutputStreamAppender<ILoggingEvent>> consoles = new ArrayList<>();
      root.iteratorForAppenders().forEachRemaining(appender -> {
        if (onStderr(appender, err) && ((OutputStreamAppender<ILoggingEvent>) appender).getEncoder() != null) {
          consoles.add((OutputStreamAppender<ILoggingEvent>) appender);
        }
      });
      List<Above> replacements = consoles.stream().map(console -> new Above(context, console, line)).toList();
      // Added before the appenders are detached, so that no line is lost in between (one may come twice).
      replacements.forEach(root::addAppender);
      consoles.forEach(root::detachAppender);
      return () -> {
        consoles.forEach(root::addAppender);
        replacements.forEach(replacement -> {
          root.detachAppender(replacement);
          replacement.stop();
        });
      };
    }

    private static boolean onStderr(Appender<ILoggingEvent> appender, PrintStream err) {
      return appender instanceof ConsoleAppender<ILoggingEvent> console && "System.err".equals(console.getTarget())
          || appender instanceof LogFile.StreamLog log && log.writesThrough(err);
    }

    static boolean onTerminal() {
      if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return false;
      Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
      while (appenders.hasNext()) {
        if (appenders.next() instanceof LogFile.StreamLog log && log.terminal()) return true;
      }
      return false;
    }

    /** A stderr appender's lines, encoded as it does and passing its filters, written through a progress line. */
    static final class Above extends UnsynchronizedAppenderBase<ILoggingEvent> {
      private final OutputStreamAppender<ILoggingEvent> console;
      private final Encoder<ILoggingEvent> encoder;
      private final ProgressLine line;

      Above(LoggerContext context, OutputStreamAppender<ILoggingEvent> console, ProgressLine line) {
        this.console = console;
        this.encoder = console.getEncoder();
        this.line = line;
        setContext(context);
        setName(console.getName() + "-above-progress");
        start();
      }

      @Override
      protected void append(ILoggingEvent event) {
        if (console.getFilterChainDecision(event) == FilterReply.DENY) return;
        line.log(encoder.encode(event));
      }
    }
  }
}
