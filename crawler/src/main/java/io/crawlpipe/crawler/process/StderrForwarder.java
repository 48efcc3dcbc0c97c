package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.LogText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Copies a worker's stderr into the parent's log, one log event per line, prefixed with the
 * worker's number and pid. Workers log with {@value #WORKER_LOG_CONFIG}, whose lines start with
 * the level; such a line is logged at that level, a notice ({@link #isNotice}: the JVM's echo of
 * {@code JAVA_TOOL_OPTIONS}, which may hold a secret) at DEBUG, and any other line (a JVM message,
 * a stack trace line) at WARN, but those are held until the worker said hello ({@link #release}):
 * a worker that never does is reported in one line naming its first words, and what it held is
 * then logged as {@link #endHold} says. A line without a level is not the worker's log, which
 * escapes what it quotes itself, so its characters that are not printable (a colour sequence in
 * {@code JAVA_TOOL_OPTIONS}) are escaped ({@link LogText#printable}) before it is logged; the first
 * words stay raw, for whoever shows them to escape. Runs until the stream ends; one instance per
 * worker. It notes whether the JVM said it ran out of memory ({@link #sawOutOfMemory()}, safe to read from
 * any thread). {@link #release} and {@link #endHold} may be called from any thread.
 */
final class StderrForwarder implements Runnable {
  static final String WORKER_LOG_CONFIG = "logback-worker.xml";
  private static final Logger log = LoggerFactory.getLogger("io.crawlpipe.crawler.process.worker");
  private static final int MAX_HELD = 50;
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  private final InputStream stderr;
  private final int worker;
  private final long pid;
  private volatile boolean outOfMemory;
  private volatile String firstWords;
  private int wordLines;  // only the forwarding thread counts
  private final Object holding = new Object();
  private List<String> held = new ArrayList<>();  // guarded by holding; null once the hold ended

  StderrForwarder(InputStream stderr, int worker, long pid) {
    this.stderr = stderr;
    this.worker = worker;
    this.pid = pid;
  }

  @Override
  public void run() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) forward(line);
    } catch (IOException e) {
      log.debug("worker {} pid={}: stderr closed: {}", worker, pid, e.getMessage());
    }
  }

  /** True once the worker's JVM wrote that it ran out of memory ({@code -XX:+ExitOnOutOfMemoryError} then exits with 3). */
  boolean sawOutOfMemory() {
    return outOfMemory;
  }

  /**
   * The worker's first two lines on stderr that are not notices ({@link #isNotice}), without their level,
   * joined by {@code "; "}, at most 300 characters: why a worker that never said hello ended ({@code
   * Error occurred during initialization of VM; Could not reserve enough space for … object heap});
   * null while there is none. Safe to read from any thread.
   */
  String firstWords() {
    return firstWords;
  }

  /** The worker said hello: the lines held are logged at WARN now, and later ones at once. */
  void release() {
    endHold(Level.WARN);
  }

  /** Ends the hold, if not ended yet: the lines held are logged at {@code level} (DEBUG: they were reported otherwise). */
  void endHold(Level level) {
    List<String> lines;
    synchronized (holding) {
      lines = held;
      held = null;
    }
    if (lines != null) {
      lines.forEach(line -> log.atLevel(level).log("worker {} pid={}: {}", worker, pid, shown(line)));
    }
  }

  private void forward(String line) {
    if (line.contains("java.lang.OutOfMemoryError")) outOfMemory = true;
    if (wordLines < 2 && !line.isBlank() && !isNotice(line)) {
      firstWords = shortened((wordLines++ == 0 ? "" : firstWords + "; ") + withoutLevel(line));
    }
    int space = line.indexOf(' ');
    String first = space < 0 ? line : line.substring(0, space);
    if (LEVELS.contains(first)) {
      log.atLevel(Level.valueOf(first)).log("worker {} pid={}: {}", worker, pid, line.substring(space + 1).strip());
    } else if (isNotice(line)) {
      log.debug("worker {} pid={}: {}", worker, pid, shown(line));
    } else if (!line.isBlank() && !held(line)) {
      log.warn("worker {} pid={}: {}", worker, pid, shown(line));
    }
  }

  /** {@code line} as logged: a tab (a stack trace's indent) as a space, anything else unprintable escaped. */
  private static String shown(String line) {
    return LogText.printable(line.replace('\t', ' '));
  }

  /** Holds {@code line} and returns true while the hold lasts; past {@value #MAX_HELD} lines, ends it at WARN. */
  private boolean held(String line) {
    synchronized (holding) {
      if (held == null) return false;
      if (held.size() < MAX_HELD) {
        held.add(line);
        return true;
      }
    }
    release();  // that much before its hello is more than a failed start's last words
    return false;
  }

  /**
   * A line that says nothing of why a worker ended: SLF4J's notices, and the JVM's echo of {@code
   * JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS} (which may hold a secret, as the parent's own echo does).
   */
  private static boolean isNotice(String line) {
    return line.startsWith("SLF4J") || line.startsWith("Picked up ") || line.startsWith("NOTE: Picked up ");
  }

  private static String withoutLevel(String line) {
    int space = line.indexOf(' ');
    return (space > 0 && LEVELS.contains(line.substring(0, space)) ? line.substring(space + 1) : line).strip();
  }

  private static String shortened(String words) {
    return words.length() <= 300 ? words : words.substring(0, 300) + "…";
  }
}
