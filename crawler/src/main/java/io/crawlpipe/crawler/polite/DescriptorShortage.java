package io.crawlpipe.crawler.polite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that says this process ran out of file descriptors: EMFILE ({@code Too many open
 * files}, its own limit) or ENFILE ({@code Too many open files in system}). Both clients report it
 * as the JDK words it ({@code java.net.SocketException: Too many open files} when a socket is
 * made), typed {@code io}, and a worker of {@code --mode processes} sends back only that message.
 * It says nothing about the host, so no host's breaker counts it ({@link HostBreakers}); the run
 * is told once, at WARN, with the limit and how to raise it ({@link #notice}). The limit is read
 * when this object is made, at the run's start: when no descriptor is free, reading it would fail.
 *
 * <p>Thread-safe: {@link #notice} warns once however many threads call it.
 */
final class DescriptorShortage {
  /**
   * The JDK's words for EMFILE and ENFILE, as the whole message, its end after a prefix ({@code
   * redirected to …: }, {@code connect to …: }) or a file's reason ({@code /x (Too many open files)}).
   */
  private static final Pattern WORDS = Pattern.compile("(?:^|: |\\()Too many open files(?: in system)?\\)?$");
  /** How deep a failure's causes are looked through: a chain of causes may loop. */
  private static final int MAX_CAUSES = 16;

  private static final Logger log = LoggerFactory.getLogger(DescriptorShortage.class);
  /** Linux's account of this process's limits, read as text: opening it costs one descriptor, for a moment. */
  private static final Path LIMITS = Path.of("/proc/self/limits");
  /** Its line for open files: {@code Max open files   SOFT   HARD   files}. */
  private static final Pattern OPEN_FILES = Pattern.compile("(?m)^Max open files\\s+(\\d+|unlimited)\\s");

  private final AtomicBoolean warned = new AtomicBoolean();
  /** The soft limit on open files when this was made; -1: unknown. */
  private final long limit;

  /** Reads this process's soft limit on open files now ({@link #openFilesLimit}), for the warning. */
  DescriptorShortage() {
    this(DescriptorShortage::openFilesLimit);
  }

  /** Takes the limit from {@code limit} (not null), asked once, now; -1 when unknown. */
  DescriptorShortage(LongSupplier limit) {
    this.limit = limit.getAsLong();
  }

  /** Whether {@code error} (null: no error) or one of its causes says the process ran out of file descriptors. */
  static boolean in(Throwable error) {
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && WORDS.matcher(message.strip()).find()) return true;
    }
    return false;
  }

  /**
   * Logs one WARN line, the first time {@code error} is a shortage of file descriptors for this
   * object (one per run): what it does to the URLs and how to raise the limit. Returns whether
   * {@code error} is one.
   */
  boolean notice(Throwable error) {
    if (!in(error)) return false;
    if (warned.compareAndSet(false, true)) log.warn(warning(limit));
    return true;
  }

  /** The WARN line, given the soft limit on open files ({@code -1}: unknown). */
  static String warning(long limit) {
    String now = limit > 0 ? "this process's limit is " + limit + " open files: " : "";
    return "out of file descriptors (Too many open files): URLs that meet it fail as io, retried as io is, and count"
        + " against no host's circuit breaker; " + now + "raise it (ulimit -n, at most ulimit -Hn) or lower --concurrency";
  }

  /**
   * This process's soft limit on open files, from {@code /proc/self/limits}; -1 where there is none
   * (not Linux) or it cannot be read. Not the JVM's management bean: loading it costs some 30 ms of
   * start-up, and with no descriptor free it cannot load at all, and stays unusable for the JVM's life.
   */
  static long openFilesLimit() {
    try {
      return Files.isReadable(LIMITS) ? softLimit(Files.readString(LIMITS, StandardCharsets.US_ASCII)) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The soft limit on open files in {@code limits}, the text of {@code /proc/self/limits}; -1 if none or unlimited. */
  static long softLimit(String limits) {
    Matcher line = OPEN_FILES.matcher(limits);
    if (!line.find() || line.group(1).equals("unlimited")) return -1;
    try {
      return Long.parseLong(line.group(1));
    } catch (NumberFormatException tooLong) {
      return -1;
    }
  }
}
