package io.crawlpipe.crawler.polite;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One host's share of the {@link HostScheduler}: the URLs waiting for it, its requests in flight,
 * when the next request may start, its robots.txt rules (and the fetch that brings them, see
 * {@link RobotsFetch}) and its circuit breaker. Plain state with no locking: confined to the
 * scheduler's event loop.
 */
final class HostQueue {
  private final HostKey key;
  private final CircuitBreaker breaker;
  private final ArrayDeque<FetchTask> waiting = new ArrayDeque<>();
  /**
   * Retries and redirect hops: URLs whose attempt has started already go before the waiting ones,
   * in the order they came (at the front of one queue they went last in, first out: a stream of
   * hops kept an earlier one waiting).
   */
  private final ArrayDeque<FetchTask> resumed = new ArrayDeque<>();
  /** Requests the mode would send again (their worker died), each waiting for the host's turn; see {@link RequestSend#resend}. */
  private final ArrayDeque<Runnable> resends = new ArrayDeque<>();
  private long delayNanos;
  private long lastStartNanos;
  private long pausedUntilNanos;
  private boolean started;
  private int inFlight;
  /** Requests handed to the mode that it has not reported sent: with a delay, the next start waits for them. */
  private int unsent;
  /** URLs waiting out a retry backoff on a timer, in neither queue ({@link #backOff}), in the order they began it. */
  private final Set<FetchTask> backingOff = new LinkedHashSet<>();  // by identity: a task has no equals
  private HostRobots robots;
  private boolean robotsRequested;
  /** The answer its robots.txt fetch ended with, which hosts redirecting their robots.txt here share; null until then. */
  private RobotsAnswer robotsAnswer;
  /** Its own robots.txt fetch while that runs or waits; null before and after. */
  private RobotsChain robotsChain;
  /** Requests of robots.txt fetches (any host's) waiting for this host's turn; none holds a crawl slot until it starts. */
  private final ArrayDeque<RobotsChain> robotsHops = new ArrayDeque<>();
  /** Other hosts' robots.txt fetches waiting for this host's robots.txt answer, which they share; null when none. */
  private List<RobotsChain> robotsWaiters;
  private boolean wakePending;
  private boolean inReadyQueue;
  private String lastFailure;

  HostQueue(HostKey key, CircuitBreaker breaker, Duration delay) {
    this.key = key;
    this.breaker = breaker;
    this.delayNanos = delay.toNanos();
  }

  HostKey key() { return key; }
  CircuitBreaker breaker() { return breaker; }
  int inFlight() { return inFlight; }
  boolean hasWaiting() { return !resumed.isEmpty() || !waiting.isEmpty(); }
  FetchTask peek() { return resumed.isEmpty() ? waiting.peek() : resumed.peek(); }
  FetchTask poll() { return resumed.isEmpty() ? waiting.poll() : resumed.poll(); }
  void add(FetchTask task) { waiting.addLast(task); }

  /** A retry goes before the URLs waiting for their first attempt (after earlier retries and hops): it has waited already. */
  void addRetry(FetchTask task) { resumed.addLast(task); }

  /** {@code task} waits out a retry backoff on a timer, which then calls {@link #retryDue}; the host is not idle meanwhile. */
  void backOff(FetchTask task) { backingOff.add(task); }

  /**
   * The backoff of {@code task} is over: it goes on as a retry ({@link #addRetry}) and this returns
   * true, unless {@link #takeBackingOff} ended it meanwhile (false: nothing changes).
   */
  boolean retryDue(FetchTask task) {
    if (!backingOff.remove(task)) return false;
    addRetry(task);
    return true;
  }

  /** Takes out every URL waiting out a backoff, for the caller to end; their timers will find them gone. */
  List<FetchTask> takeBackingOff() {
    List<FetchTask> taken = List.copyOf(backingOff);
    backingOff.clear();
    return taken;
  }

  /** A redirect's next hop goes there too: its attempt has started already. */
  void addHop(FetchTask task) {
    resumed.addLast(task);
  }

  /** Records a request starting now (a page attempt or the robots.txt fetch). */
  void requestStarted(long nowNanos) {
    inFlight++;
    started = true;
    lastStartNanos = nowNanos;
  }

  void requestEnded() { inFlight--; }

  /** A request handed to the mode whose send the next start waits for (see {@link #awaitingSend}). */
  void sendAwaited() { unsent++; }

  /** The awaited send happened, or the request ended without one. */
  void sendSettled() { unsent--; }

  /**
   * True while a request handed to the mode has not been written: it may still be connecting, and
   * in {@code processes} mode wait for a worker, or sit with a slow one. The next start waits, and
   * the delay runs from the send ({@link #sentAt}), so a backlog never leaves together.
   */
  boolean awaitingSend() { return unsent > 0; }

  /** A request in flight that the mode would send again: {@code send} runs when the host's turn comes, before any new start. */
  void resendWaiting(Runnable send) { resends.addLast(send); }

  boolean hasResend() { return !resends.isEmpty(); }

  /** The next re-send to let go, or null. */
  Runnable pollResend() { return resends.poll(); }

  /** A request to this host left at {@code nowNanos}: the delay runs from here, never from earlier. */
  void sentAt(long nowNanos) {
    lastStartNanos = Math.max(lastStartNanos, nowNanos);
  }

  /** The last attempt that counted against the breaker, in words (see {@link HostBreakers#failureOf}); null if none. */
  String lastFailure() { return lastFailure; }

  void failed(String failure) { lastFailure = failure; }

  /** Nanoseconds until the next request may start: the per-host delay and any server-asked pause. */
  long nanosUntilNextStart(long nowNanos) {
    long earliest = started ? lastStartNanos + delayNanos : nowNanos;
    return Math.max(earliest, pausedUntilNanos) - nowNanos;
  }

  /** Holds every request to this host until {@code untilNanos} (a {@code Retry-After}). */
  void pauseUntil(long untilNanos) {
    pausedUntilNanos = Math.max(pausedUntilNanos, untilNanos);
  }

  HostRobots robots() { return robots; }
  boolean robotsRequested() { return robotsRequested; }

  /** True when the host's rules are known and refuse {@code task}'s current URL: it must not wait here. */
  boolean disallows(FetchTask task) {
    return robots != null && !robots.isAllowed(task.currentUrl());
  }

  /**
   * Takes out every waiting URL (retries and hops included) that the host's rules refuse, and
   * returns them in queue order; the others keep theirs. None before the rules are known.
   */
  List<FetchTask> removeDisallowed() {
    List<FetchTask> refused = new ArrayList<>();
    if (robots == null) return refused;
    for (ArrayDeque<FetchTask> queue : List.of(resumed, waiting)) {
      queue.removeIf(task -> !robots.isAllowed(task.currentUrl()) && refused.add(task));
    }
    return refused;
  }

  /** Sets the rules; their {@code Crawl-delay} raises the delay between starts, never lowers it. */
  void robots(HostRobots verdict) {
    robots = verdict;
    delayNanos = Math.max(delayNanos, verdict.crawlDelay().toNanos());
  }

  /** Its robots.txt fetch ended with {@code answer}, which gave it {@code verdict}: both are kept, the fetch is over. */
  void robots(HostRobots verdict, RobotsAnswer answer) {
    robots(verdict);
    robotsAnswer = answer;
    robotsChain = null;
  }

  /** The answer its robots.txt fetch ended with; null before (and with robots.txt ignored). */
  RobotsAnswer robotsAnswer() { return robotsAnswer; }

  /** Its own robots.txt fetch while that runs or waits; null before and after. */
  RobotsChain robotsChain() { return robotsChain; }

  /** Its robots.txt fetch starts: it is requested, and runs until {@link #robots(HostRobots, RobotsAnswer)}. */
  void robotsStarted(RobotsChain fetch) {
    robotsRequested = true;
    robotsChain = fetch;
  }

  /** A robots.txt fetch's next request, to this host, waits for the host's turn; it goes before the URLs. */
  void addRobotsHop(RobotsChain fetch) { robotsHops.addLast(fetch); }

  boolean hasRobotsHop() { return !robotsHops.isEmpty(); }

  /** The robots.txt fetch whose request to this host goes next, or null. */
  RobotsChain pollRobotsHop() { return robotsHops.poll(); }

  /** Another host's robots.txt fetch waits for this host's robots.txt answer. */
  void awaitRobots(RobotsChain waiter) {
    if (robotsWaiters == null) robotsWaiters = new ArrayList<>();
    robotsWaiters.add(waiter);
  }

  /** True when another host's robots.txt fetch waits for this host's: it must be fetched, URLs or not. */
  boolean robotsAwaited() { return robotsWaiters != null; }

  /** Takes out the robots.txt fetches waiting for this host's answer, in the order they came (none: empty). */
  List<RobotsChain> takeRobotsWaiters() {
    List<RobotsChain> waiters = robotsWaiters == null ? List.of() : robotsWaiters;
    robotsWaiters = null;
    return waiters;
  }

  long delayNanos() { return delayNanos; }

  boolean wakePending() { return wakePending; }
  void wakePending(boolean pending) { wakePending = pending; }
  boolean inReadyQueue() { return inReadyQueue; }
  void inReadyQueue(boolean queued) { inReadyQueue = queued; }

  /**
   * True when nothing of this host is waiting, running or scheduled, its robots.txt fetch included,
   * and no other host's robots.txt fetch waits for it: its state may be dropped.
   */
  boolean idle() {
    return !hasWaiting() && resends.isEmpty() && inFlight == 0 && backingOff.isEmpty() && !wakePending && !inReadyQueue
        && robotsChain == null && robotsHops.isEmpty() && robotsWaiters == null;
  }
}
