package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a worker's stdout thread ({@link WorkerProcess#start}): reports each message to
 * {@link WorkerEvents} until stdout ends, or until a broken frame leaves it unreadable (then kills
 * the worker), then reports the worker gone, once, whatever ended the reading: an {@link Error} or
 * a {@link RuntimeException} here (this JVM out of memory for a page's body) kills the worker too,
 * so that the URLs it held are never left waiting.
 *
 * <p>Runs once, on that one thread; owns the process's stdout, which it closes. Logs on {@link
 * WorkerProcess}'s logger: its lines are the worker's.
 */
final class WorkerStdout implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

  private final WorkerProcess worker;
  private final Process process;
  private final ProtocolCodec codec;
  private final long maxBodyBytes;
  private final WorkerEvents events;

  /**
   * Reads {@code process}'s stdout, {@code worker}'s, with {@code codec}, bodies up to {@code
   * maxBodyBytes}, reporting to {@code events}. No argument may be null ({@code events} is first
   * used on the stdout thread).
   */
  WorkerStdout(WorkerProcess worker, Process process, ProtocolCodec codec, long maxBodyBytes, WorkerEvents events) {
    this.worker = Objects.requireNonNull(worker, "worker");
    this.process = Objects.requireNonNull(process, "process");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.maxBodyBytes = maxBodyBytes;
    this.events = events;
  }

  @Override
  public void run() {
    String broke = null;
    try {
      broke = readUntilEnd();
    } catch (OutOfMemoryError e) {
      worker.kill();
      broke = "could not be read, so it was killed: the crawl ran out of memory reading its answer"
          + " (raise CRAWLPIPE_HEAP, or lower --max-bytes or --concurrency)";
    } catch (RuntimeException | Error e) {
      worker.kill();
      broke = "could not be read, so it was killed: " + e;
      log.debug("worker {} pid={}: reading its answers failed", worker.id(), worker.pid(), e);
    } finally {
      String exit = worker.awaitEnd();
      events.onGone(worker, broke != null ? broke : exit);
      worker.endStderrHold();
    }
  }

  /** Reports each message until stdout ends; returns why the worker was killed, or null when stdout just ended. */
  private String readUntilEnd() {
    try (InputStream stdout = process.getInputStream()) {
      WorkerMessageReader answers = codec.reader(stdout, maxBodyBytes);
      while (true) {
        WorkerMessage message;
        try {
          message = answers.next();
        } catch (FrameException e) {
          if (e.streamEnded()) {  // it died mid-message: its exit status says why
            log.debug("worker {} pid={}: stdout ended inside a message: {}", worker.id(), worker.pid(), e.getMessage());
            return null;
          }
          worker.kill();
          return "broke the worker protocol, so it was killed: " + e.getMessage();
        } catch (ProtocolException e) {
          log.warn("worker {} pid={}: ignoring a line on stdout: {}", worker.id(), worker.pid(), e.getMessage());
          continue;
        }
        if (message == null) return null;
        events.onMessage(worker, message);
      }
    } catch (IOException e) {
      log.debug("worker {} pid={}: stdout: {}", worker.id(), worker.pid(), e.getMessage());
      return null;
    }
  }
}
