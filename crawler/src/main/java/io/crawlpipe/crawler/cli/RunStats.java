package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.HttpUrl;

/**
 * Counts what a run writes, on the way to the real sink, for the progress line and the {@code
 * --stats} file: results, failures, status classes, error types, bytes, latency percentiles and the
 * hosts with most errors (not counting {@code cancelled} and {@code invalid_url} results). Memory does not grow with the list. Thread-safe; does not own the sink
 * it wraps ({@link #close()} does nothing).
 */
final class RunStats implements ResultSink {
  private final ResultSink sink;
  private final LongAdder results = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final Map<String, LongAdder> statusClasses = new ConcurrentHashMap<>();
  private final Map<ErrorType, LongAdder> errorTypes = new ConcurrentHashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  private final TopHosts errorHosts = new TopHosts(1024);

  RunStats(ResultSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void write(CrawlResult r) {
    sink.write(r);
    results.increment();
    bytes.add(r.bytes());
    statusClasses.computeIfAbsent(statusClass(r.status()), k -> new LongAdder()).increment();
    if (r.error() != null) errorTypes.computeIfAbsent(r.error().type(), k -> new LongAdder()).increment();
    if (r.attempts() > 0) latency.record(r.elapsedMs());
    if (!r.ok()) {
      failed.increment();
      HttpUrl url = HttpUrl.parse(r.url());
      if (url != null && isHostError(r)) errorHosts.add(url.host());
    }
  }

  /** A cancelled URL (the run stopped) and an invalid line say nothing about the host. */
  private static boolean isHostError(CrawlResult r) {
    return r.error() == null || (r.error().type() != ErrorType.CANCELLED && r.error().type() != ErrorType.INVALID_URL);
  }

  /** {@code 2xx} ... {@code 5xx}, or {@code none} when no response was read. */
  static String statusClass(Integer status) {
    return status == null ? "none" : (status / 100) + "xx";
  }

  long results() {
    return results.sum();
  }

  long failed() {
    return failed.sum();
  }

  long bytes() {
    return bytes.sum();
  }

  long cancelled() {
    LongAdder n = errorTypes.get(ErrorType.CANCELLED);
    return n == null ? 0 : n.sum();
  }

  Map<String, Long> byStatusClass() {
    return snapshot(statusClasses);
  }

  Map<String, Long> byErrorType() {
    Map<String, Long> out = new TreeMap<>();
    errorTypes.forEach((type, n) -> out.put(type.code(), n.sum()));
    return out;
  }

  LatencyHistogram latency() {
    return latency;
  }

  TopHosts errorHosts() {
    return errorHosts;
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, n) -> out.put(k, n.sum()));
    return out;
  }

  @Override
  public void close() {
    // The wrapped sink belongs to the ResultOutput.
  }
}
