package io.crawlpipe.crawler.polite;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that says this process ran out of file descriptors: EMFILE ({@code Too many open
 * files}, its own limit) or ENFILE ({@code Too many open files in system}). Both clients report it
 * as the JDK words it ({@code java.net.SocketException: Too many open files} when a socket is
 * made), typed {@code io}, and a worker of {@code --mode processes} sends back only that message.
 * It says nothing about the host, so no host's breaker counts it ({@link HostBreakers}); the run
 * is told once, at WARN, with the limit and how to raise it ({@link #notice}).
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

  private final AtomicBoolean warned = new AtomicBoolean();

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
    if (warned.compareAndSet(false, true)) log.warn(warning(openFilesLimit()));
    return true;
  }

  /** The WARN line, given the soft limit on open files ({@code -1}: unknown). */
  static String warning(long limit) {
    String now = limit > 0 ? "this process's limit is " + limit + " open files: " : "";
    return "out of file descriptors (Too many open files): URLs that meet it fail as io, retried as io is, and count"
        + " against no host's circuit breaker; " + now + "raise it (ulimit -n, at most ulimit -Hn) or lower --concurrency";
  }

  /** This process's soft limit on open files, as the JVM reads it (getrlimit); -1 where it cannot tell. */
  static long openFilesLimit() {
    try {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    } catch (RuntimeException | LinkageError e) {
      return -1;
    }
  }
}
