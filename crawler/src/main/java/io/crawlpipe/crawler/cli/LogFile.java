package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;

/**
 * {@code --log FILE}: sends logback's output to FILE instead of stderr until closed. The file rolls
 * at 10 MB into {@code FILE.1} ... {@code FILE.3} (the oldest is dropped); runs in other processes
 * may log to the same file at once: they roll it in turn, under a lock on {@code FILE.lock}, and
 * follow each other's rolls, so no line is lost below that window ({@link RollingLogAppender}); a
 * lock that cannot be used is said once and the file rolls unlocked. A
 * stream ({@link OutputTargets#isStream}: a device, a named pipe, {@code /dev/stderr}, {@code
 * /dev/fd/N}) is written directly, appending, and never rolls; the run's own standard output or
 * error ({@link StandardStream}) is written through the run's stream ({@link #to}); a progress line
 * takes the lines of a log through its stderr, and is not drawn while the log is on stderr's
 * terminal named otherwise ({@link StreamLog}, {@link Logging#above}). The run's start and end are
 * logged at INFO, so the file tells when each cron run happened and how it ended; not in a log on
 * the run's own stderr, which shows the summary already: there they follow {@code -v}, as in the
 * default log (see {@link #to}). The first failure
 * to write it is said once ({@link LogFailureNotice}). Configured in code, not XML; closing restores
 * the stderr appender and the level.
 */
final class LogFile implements AutoCloseable {
  /** The logger whose INFO lines (run start and end) go to the log file. */
  static final String RUN_LOGGER = "io.crawlpipe.run";
  /** How many rolled files a log file keeps beside itself. */
  private static final int ROLLED_FILES = 3;
  /** The size at which a log file rolls: 10 MB. */
  private static final long ROLL_SIZE = 10L * 1024 * 1024;
  /** A line's time is UTC in ISO 8601 ({@code 2026-11-25T04:50:53.483Z}), as fetched_at and the stats file's times are (to the millisecond, where those have six digits). */
  private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{24} - %msg%n";
  private final Logger root;
  private final Logger run;
  private final Level runLevel;
  private final Appender<ILoggingEvent> stderr;
  private final OutputStreamAppender<ILoggingEvent> file;
  private final LoggerContext context;
  private final LogFailureNotice notice;

  private LogFile(LoggerContext context, Appender<ILoggingEvent> stderr, OutputStreamAppender<ILoggingEvent> file,
      LogFailureNotice notice) {
    this.context = context;
    this.root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    this.run = context.getLogger(RUN_LOGGER);
    this.runLevel = run.getLevel();
    this.stderr = stderr;
    this.file = file;
    this.notice = notice;
  }

  /**
   * Redirects the log to {@code path}. A file (parent directories created) is appended to and rolls
   * beside itself; {@code path} is not a symbolic link (see {@link RunNames}), so it rolls beside
   * the file a link points to, and the link stays. A {@code stream} must exist: it is opened once,
   * for appending (a named pipe waits here for its reader), and closed by {@link #close()}. The
   * first failure to write is passed to {@code warn} as one line; so is, once and apart from it,
   * that a file's lock {@code FILE.lock} cannot be used (see {@link LogLock}), even here, while the
   * file is opened (which waits at most {@link LogLock#START_WAIT} for the lock). Whether a stream is
   * on stderr's terminal, where a progress line would have the log's lines glued to it, {@code
   * terminal} tells ({@link Terminal#sharesFile}: by device number, {@code /dev/tty} for the
   * controlling terminal); another terminal is another screen.
   *
   * @throws IOException when the file or stream cannot be opened for appending
   */
  static LogFile open(Path path, boolean stream, Terminal terminal, Consumer<String> warn) throws IOException {
    return open(path, stream, stream && terminal.sharesFile(path), warn);
  }

  /** As {@link #open(Path, boolean, Terminal, Consumer)}, told whether the stream is on stderr's terminal. */
  static LogFile open(Path path, boolean stream, boolean terminal, Consumer<String> warn) throws IOException {
    if (!stream) {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
    }
    LoggerContext context = context();
    OutputStreamAppender<ILoggingEvent> appender = stream
        ? new StreamLog(context, Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            null, terminal)
        : fileAppender(context, path, warn);
    return install(context, appender, path.toString(), true, warn);
  }

  /**
   * Redirects the log to {@code stream}, the run's standard output or error that {@code which} is:
   * one write per line, through the stream itself, which stays open. The run's start and end lines
   * are raised to INFO on standard output only: on standard error they would repeat the summary, so
   * there, as in the default log, only {@code -v} shows them. The first failure to write is passed
   * to {@code warn} as one line.
   *
   * @throws IOException when logging is not logback
   */
  static LogFile to(PrintStream stream, StandardStream which, Consumer<String> warn) throws IOException {
    LoggerContext context = context();
    return install(context, new StreamLog(context, new SharedOutput(stream), stream, false), which.label(),
        which != StandardStream.STDERR, warn);
  }

  private static LoggerContext context() throws IOException {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IOException("logging is not logback; cannot redirect it");
    }
    return context;
  }

  /**
   * Puts {@code appender} in place of the stderr appender, with a notice of its first failure; with
   * {@code runAtInfo}, the run logger's INFO lines (start and end) are let through without {@code -v}.
   */
  private static LogFile install(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String name,
      boolean runAtInfo, Consumer<String> warn) {
    LogFailureNotice notice = new LogFailureNotice(name, warn);
    context.getStatusManager().add(notice);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    LogFile log = new LogFile(context, root.getAppender("STDERR"), appender, notice);
    root.addAppender(appender);
    if (log.stderr != null) root.detachAppender(log.stderr);
    if (runAtInfo && !log.run.isInfoEnabled()) log.run.setLevel(Level.INFO);
    return log;
  }

  /**
   * Whether {@code path} names a terminal device, told by the name it resolves to (links followed,
   * {@code /dev/fd/N} too on Linux): {@code /dev/tty}, {@code /dev/ttyN}, {@code /dev/pts/N} or
   * {@code /dev/console}. False when it cannot be resolved.
   */
  static boolean terminalDevice(Path path) {
    try {
      return TERMINAL.matcher(path.toRealPath().toString()).matches();
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static final Pattern TERMINAL = Pattern.compile("/dev/(tty[^/]*|pts/[0-9]+|console)");

  /**
   * The appender of a stream, written as it is: never created, truncated, rolled or renamed.
   * Started. {@link Logging#above} tells by it whether the log goes through the run's stderr
   * ({@link #writesThrough}), where a progress line takes its lines, or is on stderr's terminal
   * otherwise ({@link #terminal}), where none is drawn.
   */
  static final class StreamLog extends OutputStreamAppender<ILoggingEvent> {
    private final PrintStream through;
    private final boolean terminal;

    /**
     * {@code through} is the run's stream {@code out} writes through, whose charset the lines are
     * then encoded in, as the run's own lines on it are; else null, and they are UTF-8. {@code
     * terminal} as said.
     */
    StreamLog(LoggerContext context, OutputStream out, PrintStream through, boolean terminal) {
      this.through = through;
      this.terminal = terminal;
      setContext(context);
      setName("FILE");
      setEncoder(encoder(context, through == null ? StandardCharsets.UTF_8 : through.charset()));
      setOutputStream(out);
      start();
    }

    /** Whether the lines are written through {@code stream} (the run's own stderr, say). */
    boolean writesThrough(PrintStream stream) {
      return through != null && through == stream;
    }

    /** Whether the lines go to stderr's terminal, named by the path, not through a run's stream. */
    boolean terminal() {
      return terminal;
    }
  }

  /** The files a log file at {@code path} rolls into: {@code path.1} (the newest) to {@code path.3}. */
  static List<Path> rolledFiles(Path path) {
    return IntStream.rangeClosed(1, ROLLED_FILES)
        .mapToObj(i -> path.resolveSibling(path.getFileName() + "." + i))
        .toList();
  }

  /**
   * The appender of the log file at {@code path}: rolls at 10 MB, checked before every line (a stat
   * per line, next to nothing beside the write), and shares the file safely with other processes
   * (see {@link RollingLogAppender}). Started; the caller stops it. That its lock cannot be used is
   * passed to {@code warn} as one line, once, also while it starts.
   */
  static OutputStreamAppender<ILoggingEvent> fileAppender(LoggerContext context, Path path, Consumer<String> warn) {
    RollingLogAppender appender = new RollingLogAppender(path, ROLL_SIZE, rolledFiles(path), warn);
    appender.setContext(context);
    appender.setName("FILE");
    appender.setEncoder(encoder(context, StandardCharsets.UTF_8));
    appender.start();
    return appender;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, Charset charset) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setCharset(charset);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  @Override
  public void close() {
    if (stderr != null) root.addAppender(stderr);
    root.detachAppender(file);
    file.stop();
    context.getStatusManager().remove(notice);
    run.setLevel(runLevel);
  }
}
