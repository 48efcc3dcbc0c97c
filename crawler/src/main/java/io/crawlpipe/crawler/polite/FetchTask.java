package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Redirects;
import io.crawlpipe.store.ErrorType;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One URL handed to the {@link HostScheduler}, from submission until its future completes: the
 * URL, the URL its redirects lead to now and that URL's host, the attempts and redirect hops made,
 * and when the current attempt started and how long its requests took. Confined to the scheduler's
 * event loop, except for the future, which the caller holds.
 */
final class FetchTask {
  private final String url;
  private final CompletableFuture<FetchResult> future = new CompletableFuture<>();
  private final Instant submittedAt;
  /** Told once, when the first request is handed to the mode. */
  private final Runnable started;
  private String current;
  private HostKey host;
  private int attempts;
  private int hops;
  /** Where its redirects led so far, each as {@link Redirects#requestedForm}; null before the first. */
  private Set<String> hopTargets;
  private boolean hopPending;
  /** The last request started was a redirect's hop, not an attempt's first request. */
  private boolean lastWasHop;
  /** The current attempt's first request: when it started (null before any) and the time its requests took. */
  private Instant attemptStartedAt;
  private long requestMillis;
  /** The attempt before the current one: its times, for when the mode cancels the current one unsent. */
  private Instant previousStartedAt;
  private long previousMillis;

  FetchTask(String url, HostKey host, Instant submittedAt) {
    this(url, host, submittedAt, () -> { });
  }

  /**
   * As above; {@code started} runs once, when the URL's first request is handed to the mode (from
   * {@link #requestStarted}, which then throws what it throws: see {@link AttemptRunner#start}).
   */
  FetchTask(String url, HostKey host, Instant submittedAt, Runnable started) {
    this.url = url;
    this.current = url;
    this.host = host;
    this.submittedAt = submittedAt;
    this.started = started;
  }

  /** The URL as submitted: the one the result answers. */
  String url() {
    return url;
  }

  /** The URL to request next: {@link #url} or where its redirects lead. */
  String currentUrl() {
    return current;
  }

  /** The host of {@link #currentUrl}. */
  HostKey host() {
    return host;
  }

  CompletableFuture<FetchResult> future() {
    return future;
  }

  int attempts() {
    return attempts;
  }

  /** Redirects followed so far, in all attempts (a retry goes on from the hop that failed). */
  int hops() {
    return hops;
  }

  /**
   * True when a redirect to {@code next} would lead where this URL has been already: a loop. The
   * URLs are compared as they are requested ({@link Redirects#requestedForm}), so {@code
   * HTTP://a.test/x/.} has been at {@code http://a.test/x/}, and {@code http://a.test/b#top} at
   * {@code http://a.test/b}.
   */
  boolean hasBeenAt(String next) {
    String at = Redirects.requestedForm(next);
    return at.equals(Redirects.requestedForm(url)) || hopTargets != null && hopTargets.contains(at);
  }

  /**
   * Counts the request handed to the mode at {@code now}: a new attempt, unless it follows a
   * redirect of the current one. An attempt is dated {@code now} until {@link #requestEnded} hears
   * when the mode actually started it. The first one runs the task's {@code started}.
   */
  void requestStarted(Instant now) {
    lastWasHop = hopPending;
    if (hopPending) {
      hopPending = false;
      return;
    }
    attempts++;
    previousStartedAt = attemptStartedAt;
    previousMillis = requestMillis;
    attemptStartedAt = now;
    requestMillis = 0;
    if (attempts == 1) started.run();
  }

  /**
   * Adds a finished request's time to the current attempt's, as the mode measured it when it says:
   * a response's times, or a failure's when it carries them (a worker's, in processes mode, where a
   * job can wait for a worker first); an attempt's first request is then dated when the mode started
   * it. Otherwise (a failure without times: a lost worker, a cancel) {@code handedMillis}, the time
   * since the request was handed to the mode, is added, and the hand-off stays the date; but a
   * request the mode never sent ({@link #unsent}) took no time. {@code result} or {@code cause} is
   * null.
   */
  void requestEnded(FetchResult result, Throwable cause, long handedMillis) {
    if (result != null) {
      modeTimed(result.fetchedAt(), result.elapsedMs());
    } else if (cause instanceof FetchException e && e.fetchedAt() != null) {
      modeTimed(e.fetchedAt(), e.elapsedMs());
    } else if (!unsent(cause)) {
      requestMillis += handedMillis;
    }
  }

  private void modeTimed(Instant startedAt, long millis) {
    if (!lastWasHop) attemptStartedAt = startedAt;
    requestMillis += millis;
  }

  /** Whether {@link #currentUrl} was requested already: false before any attempt and for a hop not yet requested. */
  boolean currentRequested() {
    return attempts > 0 && !hopPending;
  }

  /** The current attempt goes on at {@code next}, on {@code nextHost}: one more hop, not an attempt. */
  void redirectTo(String next, HostKey nextHost) {
    if (hopTargets == null) hopTargets = new HashSet<>();
    hopTargets.add(Redirects.requestedForm(next));
    current = next;
    host = nextHost;
    hops++;
    hopPending = true;
  }

  /**
   * Completes with the last response, marked with the attempts made, as the answer to {@link #url}:
   * dated from the attempt's first request, its time that of the attempt's requests.
   */
  void succeed(FetchResult result) {
    future.complete(result.answering(url, attemptStartedAt, requestMillis, attempts));
  }

  /**
   * Completes with the last failure; a {@link FetchException} is marked with the attempts made and
   * the last attempt's times. One of a request the mode never sent ({@link #unsent}: the process
   * pool's {@code cancelled} at a stop, or {@code worker_crashed} when no worker could be started)
   * does not count the last attempt, unless that was a redirect's hop, whose attempt's first
   * request was made: the line then has the attempts before it and the times of the one before
   * (with none, never fetched: dated from submission, 0 ms).
   */
  void fail(Throwable error) {
    if (unsent(error) && !lastWasHop) {
      FetchException e = ((FetchException) error).withAttempts(attempts - 1);
      future.completeExceptionally(previousStartedAt == null ? e.withTiming(submittedAt, 0)
          : e.withTiming(previousStartedAt, previousMillis));
      return;
    }
    future.completeExceptionally(error instanceof FetchException e ? timed(e.withAttempts(attempts)) : error);
  }

  /**
   * True for the failure of a request the mode never sent: a {@link FetchException} it did not time
   * whose attempts (the workers it went to) are 0. The process pool's URL still waiting for a
   * worker when a stop cancels it, or when the pool fails it as {@code worker_crashed} (no worker
   * is left and none can be started, or the pool closed).
   */
  private static boolean unsent(Throwable cause) {
    return cause instanceof FetchException e && e.attempts() == 0 && e.fetchedAt() == null;
  }

  /** Completes without (another) request, for a reason decided by the scheduler. */
  void refuse(ErrorType type, String message) {
    future.completeExceptionally(timed(new FetchException(url, type, message, null, attempts)));
  }

  /** {@code e} dated from the last attempt, or, with none, from submission with no time spent. */
  private FetchException timed(FetchException e) {
    return attemptStartedAt == null ? e.withTiming(submittedAt, 0) : e.withTiming(attemptStartedAt, requestMillis);
  }
}
