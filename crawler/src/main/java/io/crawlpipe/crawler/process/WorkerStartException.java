package io.crawlpipe.crawler.process;

/**
 * The worker processes of {@code --mode processes} could not be started: the java binary did not
 * run, a worker exited or stayed silent before its hello, or it speaks another protocol version.
 * The message is one line that says which and why; nothing was crawled.
 */
public final class WorkerStartException extends RuntimeException {
  public WorkerStartException(String message) {
    super(message);
  }

  public WorkerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
