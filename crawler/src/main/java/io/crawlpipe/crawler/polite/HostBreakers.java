package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.DurationText;
import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one resilience4j {@link CircuitBreaker} per host and tells it how each attempt went.
 *
 * <p>A count-based window of the last {@code failures} attempts with a 100% failure-rate threshold
 * is "open after N consecutive failures". Failures are what says the host itself is unwell:
 * connect errors, timeouts, transport failures ({@code io}) and 5xx responses; any other outcome
 * counts as a success, however long it took (a slow answer is not a failure; a response past
 * {@code --timeout} is a {@code timeout} already). A failure that says this process ran out of file
 * descriptors ({@link DescriptorShortage}) is local, not the host's: it counts neither way. After the cool-down (measured on the event loop's clock) the breaker lets
 * one trial attempt through (half-open), which closes or re-opens it. Thread-safe.
 */
final class HostBreakers {
  private static final Set<ErrorType> HOST_FAILURES = Set.of(ErrorType.CONNECT, ErrorType.TIMEOUT, ErrorType.IO);
  /** A call duration no attempt reaches (292 years): slowness alone never counts against a host. */
  private static final Duration NEVER_SLOW = Duration.ofNanos(Long.MAX_VALUE);

  private static final Logger log = LoggerFactory.getLogger(HostBreakers.class);

  private final BreakerSettings settings;
  private final CircuitBreakerConfig config;

  HostBreakers(BreakerSettings settings, EventLoop loop) {
    this.settings = settings;
    int window = Math.max(1, settings.failures());
    this.config = CircuitBreakerConfig.custom()
        .slidingWindow(window, window, SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(100)
        // No slow-call tracking: resilience4j's defaults (60 s, 100%) opened the breaker on slow successes.
        .slowCallDurationThreshold(NEVER_SLOW)
        .slowCallRateThreshold(100)
        .waitDurationInOpenState(settings.cooldown())
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .ignoreException(DescriptorShortage::in)
        .recordException(HostBreakers::isHostFailure)
        .recordResult(r -> r instanceof FetchResult f && isHostFailure(f))
        .writableStackTraceEnabled(false)
        .clock(new LoopClock(loop))
        .build();
  }

  /**
   * A new breaker for {@code host}; always closed when the breaker is switched off. With DEBUG
   * logging on ({@code -v}) when it is made, its transitions are logged ({@link #logTransition});
   * else it has no listener, which costs nothing per host.
   */
  CircuitBreaker create(HostKey host) {
    CircuitBreaker breaker = CircuitBreaker.of(host.toString(), config);
    if (!settings.enabled()) breaker.transitionToDisabledState();
    else if (log.isDebugEnabled()) breaker.getEventPublisher().onStateTransition(this::logTransition);
    return breaker;
  }

  /**
   * One DEBUG line per transition of a host's breaker, as the other per-host events (a robots.txt
   * that failed) are logged: open (after the failures in a row, or again when the trial failed),
   * half-open (the trial may start), closed (the trial succeeded).
   */
  private void logTransition(CircuitBreakerOnStateTransitionEvent event) {
    String host = LogText.printable(event.getCircuitBreakerName());
    String cooldown = DurationText.format(settings.cooldown());
    switch (event.getStateTransition()) {
      case CLOSED_TO_OPEN -> log.debug("circuit breaker open host={} after {} failures in a row; its URLs fail as"
          + " circuit_open for {}", host, settings.failures(), cooldown);
      case HALF_OPEN_TO_OPEN -> log.debug("circuit breaker open again host={}: the trial attempt failed; its URLs fail"
          + " as circuit_open for {}", host, cooldown);
      case OPEN_TO_HALF_OPEN -> log.debug("circuit breaker half-open host={}: one trial attempt", host);
      case HALF_OPEN_TO_CLOSED -> log.debug("circuit breaker closed host={}: the trial attempt succeeded", host);
      default -> log.debug("circuit breaker host={} {}", host, event.getStateTransition());
    }
  }

  /** Reports an attempt that took a permission from {@code breaker}. */
  static void record(CircuitBreaker breaker, long elapsedNanos, FetchResult result, Throwable error) {
    if (result != null) {
      breaker.onResult(elapsedNanos, TimeUnit.NANOSECONDS, result);
    } else {
      breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, error);
    }
  }

  /**
   * True while the breaker is open and its cool-down has not passed: the host's URLs fail fast.
   * Once the cool-down has passed this moves the breaker to half-open and returns false.
   */
  static boolean refuses(CircuitBreaker breaker) {
    if (breaker.getState() != CircuitBreaker.State.OPEN) return false;
    if (!breaker.tryAcquirePermission()) return true;
    breaker.releasePermission();  // taken again when the trial actually starts
    return false;
  }

  /**
   * Fails {@code task}, which was to run at {@code host}, as {@code circuit_open}: the host's
   * breaker is open ({@link #refuses}). A redirect's hop names itself first ({@code redirected to
   * http://b.test/x, circuit open for …}), as other failures at a hop do; a URL requested already
   * (a retry) was "not attempted again". On the scheduler's event loop, as the host is confined to it.
   */
  static void refuse(HostQueue host, FetchTask task) {
    task.refuse(ErrorType.CIRCUIT_OPEN, (task.hops() > 0 ? "redirected to " + task.currentUrl() + ", " : "")
        + "circuit open for " + host.key() + " after repeated failures"
        + (host.lastFailure() == null ? "" : " (last: " + host.lastFailure() + ")") + "; not attempted"
        + (task.currentRequested() ? " again" : ""));
  }

  /** True while a half-open breaker's trial attempt runs: the host's other URLs wait for its outcome. */
  static boolean trialRunning(CircuitBreaker breaker, int inFlight) {
    return breaker.getState() == CircuitBreaker.State.HALF_OPEN && inFlight > 0;
  }

  /**
   * How an attempt that counts against its host's breaker went, for the {@code circuit_open} message
   * ({@code "connect: connect to 127.0.0.1:1: Connection refused"}, {@code "status 503"}); null for
   * an attempt that counts as a success.
   */
  static String failureOf(FetchResult result, Throwable error) {
    if (result != null) return isHostFailure(result) ? "status " + result.status() : null;
    return isHostFailure(error) ? ((FetchException) error).type().code() + ": " + error.getMessage() : null;
  }

  private static boolean isHostFailure(FetchResult result) {
    return result.status() >= 500;
  }

  private static boolean isHostFailure(Throwable error) {
    return error instanceof FetchException e && HOST_FAILURES.contains(e.type()) && !DescriptorShortage.in(e);
  }

  /** The event loop's monotonic time as a {@link Clock}, so tests control the cool-down too. */
  private static final class LoopClock extends Clock {
    private final EventLoop loop;

    LoopClock(EventLoop loop) {
      this.loop = loop;
    }

    @Override
    public Instant instant() {
      return Instant.EPOCH.plusNanos(loop.nanoTime());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
