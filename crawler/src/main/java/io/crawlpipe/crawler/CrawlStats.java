package io.crawlpipe.crawler;

import io.crawlpipe.store.CrawlResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts results as they are stored. Thread-safe: many pipeline threads record at once. */
final class CrawlStats {
  private final LongAdder urls = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  void record(CrawlResult r) {
    urls.increment();
    bytes.add(r.bytes());
    if (r.ok()) {
      ok.increment();
    } else {
      failures.computeIfAbsent(failureKind(r), k -> new LongAdder()).increment();
    }
  }

  /** {@code error.type} for errors, else the status class, e.g. {@code http_4xx}. */
  static String failureKind(CrawlResult r) {
    if (r.error() != null) return r.error().type().code();
    if (r.status() != null) return "http_" + (r.status() / 100) + "xx";
    return "unknown";
  }

  CrawlSummary summary(long duplicates, Duration elapsed) {
    Map<String, Long> counts = new java.util.HashMap<>();
    failures.forEach((k, v) -> counts.put(k, v.sum()));
    return new CrawlSummary(urls.sum(), ok.sum(), counts, duplicates, bytes.sum(), elapsed);
  }
}
