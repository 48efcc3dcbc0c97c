package io.crawlpipe.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import io.crawlpipe.crawler.LogText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The appender of a {@code --log} file: appends each line to FILE and, before a line, rolls FILE
 * into {@code FILE.1} ... {@code FILE.n} (the oldest dropped) once the file at FILE's path has
 * reached {@code maxSize}. Several processes may log to one file at once (two cron entries with
 * different lists, a run refused by {@code --lock}): opening FILE at the start (waiting at most
 * {@link LogLock#START_WAIT}) and each roll (at most {@link LogLock#ROLL_WAIT}) happen under the
 * exclusive lock of {@link LogLock} ({@code FILE.lock}), and a roll only when FILE is still the
 * file this process has open and still full, so two processes never both roll the same file; a
 * process that finds, before a
 * line, that FILE's path no longer names the file it has open (another process rolled it, or it was
 * moved away or deleted) opens the path again rather than writing on into a rolled file that a
 * later roll would drop. Lines are appended ({@code O_APPEND}), one write each, so the lines of
 * several processes interleave whole; the size looked at is the file's, not what this process
 * wrote, so together they keep the window of at most about {@code maxSize} times {@code n + 1}. A
 * line written while another process rolls may end {@code FILE.1}: it is kept, not lost.
 *
 * <p>Thread-safe: the check before a line and a roll take turns within the process. A stat of FILE
 * per line is the price of noticing a roll at once.
 */
final class RollingLogAppender extends OutputStreamAppender<ILoggingEvent> {
  private final Path path;
  private final long maxSize;
  private final List<Path> rolled;
  private final ReentrantLock turn = new ReentrantLock();
  private final LogLock lock;
  /** The identity (device and inode) of the file this appender has open; guarded by {@link #turn}. */
  private Object openKey;
  /** The lock's warning, to be written to the file before the next line, or null; guarded by {@link #turn}. */
  private String unwritten;

  /**
   * An appender for {@code path}, rolling at {@code maxSize} bytes into {@code rolled} (newest
   * first). When its {@link LogLock} cannot be used, {@code warn} takes one line, once, on the
   * thread that found it (the one starting the appender, or one logging); it is kept out of
   * logback's status list, where a write failure is said ({@link LogFailureNotice}). The file gets
   * it too, at WARN, before the next line, so the log says why runs sharing it may lose lines.
   */
  RollingLogAppender(Path path, long maxSize, List<Path> rolled, Consumer<String> warn) {
    this.path = path;
    this.maxSize = maxSize;
    this.rolled = List.copyOf(rolled);
    Path lockFile = LogLock.lockFile(path);
    this.lock = new LogLock(lockFile, why -> {
      warn.accept(CrawlLine.of("warning: " + lockProblem(lockFile, why)));
      unwritten = LogText.printable(lockProblem(lockFile, why));  // on the thread that holds the turn
    });
  }

  /** What it means that the lock {@code lockFile} cannot be used, and what that costs. */
  private static String lockProblem(Path lockFile, String why) {
    return "cannot lock '" + lockFile + "' (" + why + "); runs sharing this log may lose lines when it rolls";
  }

  @Override
  public void start() {
    turn.lock();
    try {
      lock.run(LogLock.START_WAIT, this::open);
    } catch (IOException e) {
      addError("cannot open the log file " + path, e);
      return;
    } finally {
      turn.unlock();
    }
    super.start();
  }

  @Override
  public void stop() {
    turn.lock();
    try {
      super.stop();
      lock.close();
    } finally {
      turn.unlock();
    }
  }

  @Override
  protected void subAppend(ILoggingEvent event) {
    if (isStarted()) {
      String lockWarning = follow();
      if (lockWarning != null) super.subAppend(warning(lockWarning));
    }
    super.subAppend(event);
  }

  /** A WARN event of crawlpipe's run logger, as {@link RunLog} writes a warning. */
  private ILoggingEvent warning(String message) {
    return new LoggingEvent(RollingLogAppender.class.getName(),
        ((LoggerContext) getContext()).getLogger(LogFile.RUN_LOGGER), Level.WARN, message, null, null);
  }

  /**
   * Before a line: opens FILE again if another process rolled it, or rolls it if it is full.
   * Returns the lock's warning not yet written to the file, or null.
   */
  private String follow() {
    turn.lock();
    try {
      try {
        if (isStarted() && state() != State.CURRENT) lock.run(LogLock.ROLL_WAIT, this::followUnderLock);
      } catch (IOException e) {
        addError("cannot roll the log file " + path, e);
      }
      String warning = unwritten;
      unwritten = null;
      return warning;
    } finally {
      turn.unlock();
    }
  }

  private void followUnderLock() throws IOException {
    switch (state()) {
      case MOVED -> open();
      case FULL -> roll();
      case CURRENT -> { }  // another process has rolled it and this one's open file is the new one
    }
  }

  private enum State { CURRENT, FULL, MOVED }

  /** What FILE's path names now, as against the file this appender has open. */
  private State state() {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return State.MOVED;
    } catch (IOException e) {
      return State.CURRENT;  // cannot tell: write on where the lines went so far
    }
    if (!Objects.equals(attributes.fileKey(), openKey)) return State.MOVED;
    return attributes.size() >= maxSize ? State.FULL : State.CURRENT;
  }

  /**
   * Shifts {@code FILE.1} ... to the next number (dropping the last) and FILE to {@code FILE.1},
   * then opens a new FILE, even when a rename failed (the lines go on, to the file the path names).
   */
  private void roll() throws IOException {
    IOException failed = null;
    try {
      Files.deleteIfExists(rolled.getLast());
      for (int i = rolled.size() - 1; i > 0; i--) {
        if (Files.exists(rolled.get(i - 1))) Files.move(rolled.get(i - 1), rolled.get(i));
      }
      Files.move(path, rolled.getFirst(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      failed = e;
    }
    open();
    if (failed != null) throw failed;
  }

  /**
   * Opens the file at FILE's path for appending (creating it) in place of the one open so far, and
   * notes its identity. Called under {@link LogLock}, so no roll renames it between the two.
   */
  private void open() throws IOException {
    ResilientFileOutputStream out = new ResilientFileOutputStream(path.toFile(), true,
        FileAppender.DEFAULT_BUFFER_SIZE);
    out.setContext(getContext());
    setOutputStream(out);
    openKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }
}
