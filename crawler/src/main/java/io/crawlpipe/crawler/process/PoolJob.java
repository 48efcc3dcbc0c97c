package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.SendGate;
import io.crawlpipe.store.ErrorType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * One URL handed to the pool: its id on the wire, the future the pipeline waits on, and (guarded
 * by the pool's lock) how many workers it was sent to, the crashes it was blamed for, whether it
 * is a suspect and with how many others, and the deadline of the current one.
 */
final class PoolJob {
  private final long id;
  private final String url;
  private final CompletableFuture<FetchResult> result = new CompletableFuture<>();
  /** Told each time a worker writes this URL's request; null when nobody asked. */
  private final Runnable started;
  /** Asked before this URL is sent again after its worker died; null: it goes at once. */
  private final SendGate gate;
  /** Workers this URL was sent to so far. Guarded by the pool's lock. */
  int dispatches;
  /** Worker deaths this URL was blamed for. Guarded by the pool's lock. */
  int crashes;
  /**
   * 0 while it is no suspect; once it was on a worker that died of a URL unknown, the most suspects
   * (itself included) it may share a worker with, halved at each such death. Guarded by the pool's lock.
   */
  int suspectShare;
  /** The last worker that died holding it ({@code worker 2 (pid 4602)}), or null. Guarded by the pool's lock. */
  String lostOn;
  /** Kills the current worker if it does not answer in time; null while not dispatched. Guarded by the pool's lock. */
  ScheduledFuture<?> deadline;

  PoolJob(long id, String url) {
    this(id, url, null, null);
  }

  /**
   * {@code started}, if not null, runs (on a worker's reader thread) each time a worker writes this
   * URL's request; {@code gate}, if not null, lets it be sent again after its worker died.
   */
  PoolJob(long id, String url, Runnable started, SendGate gate) {
    this.id = id;
    this.url = Objects.requireNonNull(url, "url");
    this.started = started;
    this.gate = gate;
  }

  /** True once it was on a worker that died of a URL unknown ({@link #suspectShare}). Call with the pool's lock held. */
  boolean suspect() {
    return suspectShare > 0;
  }

  long id() {
    return id;
  }

  String url() {
    return url;
  }

  CompletableFuture<FetchResult> result() {
    return result;
  }

  /** The message that sends this URL to a worker: it asks to hear when the request is written if someone waits for that. */
  ParentMessage.Fetch message() {
    return new ParentMessage.Fetch(id, url, started != null);
  }

  /** A worker has written its request: tells whoever asked. */
  void started() {
    if (started != null) started.run();
  }

  /** True when its re-send after a worker death waits for its host's gate ({@link #resend}) instead of going first in line. */
  boolean gated() {
    return gate != null;
  }

  /** Asks the gate to run {@code send}, which queues it again, once its host lets it; call without the pool's lock. */
  void resend(Runnable send) {
    gate.resend(send);
  }

  /** Cancels the answer deadline, if any. Call with the pool's lock held. */
  void cancelDeadline() {
    if (deadline != null) deadline.cancel(false);
    deadline = null;
  }

  /** Completes with the page {@code answer} builds, or with the exception it throws on a malformed answer. */
  void complete(Supplier<FetchResult> answer) {
    try {
      result.complete(answer.get());
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Ends this URL with a {@code cancelled} error: the run stopped before a worker took it (again).
   * Its attempts are the workers it was sent to: 0 tells the scheduler it was never fetched.
   */
  void cancel(String message) {
    result.completeExceptionally(new FetchException(url, ErrorType.CANCELLED, message, null, dispatches));
  }

  /** Ends this URL with a {@code worker_crashed} error; its attempts as for {@link #cancel}. */
  void fail(String message) {
    result.completeExceptionally(new FetchException(url, ErrorType.WORKER_CRASHED, message, null, dispatches));
  }
}
