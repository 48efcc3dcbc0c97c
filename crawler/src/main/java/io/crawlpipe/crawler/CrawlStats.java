package io.crawlpipe.crawler;

import io.crawlpipe.crawler.polite.HostKey;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;

/**
 * Counts the result lines of one crawl as they are stored, and times the crawl: the one source of
 * the {@link CrawlSummary} a crawl returns and, on the command line, of the progress line, the
 * {@code --stats} file, {@code --fail-on} and the exit code.
 *
 * <p><b>The span.</b> {@link #elapsed()} runs from the moment the pipeline starts reading the URL
 * list to the moment its last line is stored (after a stop, the {@code cancelled} lines included).
 * It is zero before the crawl starts, grows while it runs and stays fixed once it has ended. It
 * leaves out what comes before and after the crawl proper: building the HTTP client, starting the
 * worker processes of {@code --mode processes}, and on the command line opening and finishing the
 * output. {@link #pagesPerSecond()} is the lines stored over that span.
 *
 * <p>Each line is counted once, after the sink has written it; memory does not grow with the list.
 * Thread-safe: pipeline threads record while other threads read. A reading taken while the crawl
 * runs is a moment's view (the counters are not read atomically together); once the crawl has
 * ended the readings are final. One instance counts one crawl.
 */
public final class CrawlStats {
  private static final int TRACKED_HOSTS = 1024;

  private final LongSupplier nanoTime;
  private final LongAdder results = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final Map<String, LongAdder> statusClasses = new ConcurrentHashMap<>();
  /** Results with an error, by {@link ErrorType#ordinal()}. */
  private final LongAdder[] errorTypes = new LongAdder[ErrorType.values().length];
  /** Failed results without an error: by status class ({@code http_4xx}), else {@code unknown}. */
  private final Map<String, LongAdder> otherFailures = new ConcurrentHashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  private final TopHosts errorHosts = new TopHosts(TRACKED_HOSTS);
  private boolean started;
  private boolean ended;
  private long startNanos;
  private long endNanos;

  /** A counter timed by {@link System#nanoTime()}. */
  public CrawlStats() {
    this(System::nanoTime);
  }

  CrawlStats(LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    for (int i = 0; i < errorTypes.length; i++) errorTypes[i] = new LongAdder();
  }

  /**
   * Starts the span; the pipeline calls it before reading the first URL.
   *
   * @throws IllegalStateException when this counter was already started (it counts one crawl)
   */
  synchronized void start() {
    if (started) throw new IllegalStateException("a CrawlStats counts one crawl; this one was already started");
    started = true;
    startNanos = nanoTime.getAsLong();
  }

  /** Ends the span once the last line is stored; later calls, and calls before the start, do nothing. */
  synchronized void finish() {
    if (!started || ended) return;
    ended = true;
    endNanos = nanoTime.getAsLong();
  }

  /**
   * Counts one stored line. Lock-free and allocation-free for an ok line; a failure that counts
   * against its host also parses the URL and updates the (synchronized) top-hosts table.
   */
  void record(CrawlResult r) {
    results.increment();
    bytes.add(r.bytes());
    statusClasses.computeIfAbsent(StatusClasses.of(r.status()), k -> new LongAdder()).increment();
    if (r.error() != null) errorTypes[r.error().type().ordinal()].increment();
    if (r.attempts() > 0) latency.record(r.elapsedMs());
    if (!r.ok()) recordFailure(r);
  }

  private void recordFailure(CrawlResult r) {
    failed.increment();
    if (r.error() == null) otherFailures.computeIfAbsent(StatusClasses.failureKind(r.status()), k -> new LongAdder()).increment();
    if (isHostError(r)) {
      String host = hostName(r.url());
      if (host != null) errorHosts.add(host);
    }
  }

  /**
   * The host of {@code url} as the scheduler keys it ({@link HostKey#of}: {@code 127.1} and {@code
   * 127.0.0.1} are one host) and as people write it: {@code example.org}, with {@code :port} when
   * not the scheme's default; null for a URL that has none.
   */
  private static String hostName(String url) {
    HostKey key;
    try {
      key = HostKey.of(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String host = key.host().indexOf(':') >= 0 ? "[" + key.host() + "]" : key.host();
    return key.port() == HttpUrl.defaultPort(key.scheme()) ? host : host + ":" + key.port();
  }

  /** A cancelled URL (the run stopped) and an invalid line say nothing about the host. */
  private static boolean isHostError(CrawlResult r) {
    return r.error() == null || (r.error().type() != ErrorType.CANCELLED && r.error().type() != ErrorType.INVALID_URL);
  }

  /** Lines stored. */
  public long results() {
    return results.sum();
  }

  /** Lines stored with {@code ok=true}. */
  public long ok() {
    return results.sum() - failed.sum();
  }

  /** Lines stored with {@code ok=false}, {@code cancelled} and {@code invalid_url} included. */
  public long failed() {
    return failed.sum();
  }

  /** Decoded body bytes of the lines stored. */
  public long bytes() {
    return bytes.sum();
  }

  /** Lines stored as {@code cancelled} (the crawl was stopped before they finished). */
  public long cancelled() {
    return errorTypes[ErrorType.CANCELLED.ordinal()].sum();
  }

  /** Lines by status class ({@code 2xx} ... {@code 5xx}, {@code none}): sorted, unmodifiable. */
  public Map<String, Long> byStatusClass() {
    Map<String, Long> out = new TreeMap<>();
    statusClasses.forEach((k, n) -> out.put(k, n.sum()));
    return Collections.unmodifiableMap(out);
  }

  /** Lines with an error by its {@code error.type} code: sorted, unmodifiable, no zero counts. */
  public Map<String, Long> byErrorType() {
    Map<String, Long> out = new TreeMap<>();
    for (ErrorType type : ErrorType.values()) {
      long n = errorTypes[type.ordinal()].sum();
      if (n > 0) out.put(type.code(), n);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Failed lines by kind, as in {@link CrawlSummary#failures()}: the {@code error.type} code, else
   * the status class of a non-2xx response ({@code http_4xx}), else {@code unknown}. Sorted, unmodifiable.
   */
  public Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>(byErrorType());
    otherFailures.forEach((k, n) -> out.merge(k, n.sum(), Long::sum));
    return Collections.unmodifiableMap(out);
  }

  /** The {@code p}-th percentile (0 < p <= 100) of {@code elapsed_ms} over fetched lines, 0 if none. */
  public long latencyPercentile(double p) {
    return latency.percentile(p);
  }

  /**
   * The {@code n} hosts with most failed lines, most first ({@code cancelled} and {@code
   * invalid_url} lines not counted). Exact while at most 1,024 hosts have failures; beyond that a
   * count may be high by at most the smallest count tracked (Space-Saving).
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public List<HostErrors> topErrorHosts(int n) {
    if (n < 0) throw new IllegalArgumentException("topErrorHosts: n must be >= 0, was " + n);
    return errorHosts.top(n);
  }

  /** The crawl's span so far (see the class comment): zero before the start, fixed after the end. */
  public synchronized Duration elapsed() {
    if (!started) return Duration.ZERO;
    return Duration.ofNanos((ended ? endNanos : nanoTime.getAsLong()) - startNanos);
  }

  /** Lines stored per second of {@link #elapsed()}; 0 before any time has passed. */
  public double pagesPerSecond() {
    return CrawlSummary.perSecond(results(), elapsed());
  }

  /** The totals, with the duplicate lines the source skipped, over the span as it is now. */
  CrawlSummary summary(long duplicates) {
    return new CrawlSummary(results(), ok(), failures(), duplicates, bytes(), elapsed());
  }
}
