package io.crawlpipe.crawler.cli;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Says once that the {@code --log} target failed. Logback only records a write failure in its
 * status list: a stream appender (a named pipe whose reader went away, {@code /dev/full}) then
 * stops for good, and a file appender drops lines until it has reopened the file, with nothing on
 * stderr. Listens to logback's status messages while a {@link LogFile} is open and passes the first
 * error caused by an {@link IOException} to {@code warn}, as one line. Thread-safe.
 */
final class LogFailureNotice implements StatusListener {
  private final String target;
  private final Consumer<String> warn;
  private final AtomicBoolean said = new AtomicBoolean();

  /** {@code target} names the log in the message; {@code warn} takes the line (for example stderr's println). */
  LogFailureNotice(String target, Consumer<String> warn) {
    this.target = target;
    this.warn = warn;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getLevel() != Status.ERROR || !(status.getThrowable() instanceof IOException e)) return;
    if (said.compareAndSet(false, true)) {
      warn.accept(CrawlLine.of("warning: cannot write the log to '" + target + "': " + IoProblems.describe(e, target)
          + "; later log lines may be lost"));
    }
  }
}
