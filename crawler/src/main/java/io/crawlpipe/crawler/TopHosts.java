package io.crawlpipe.crawler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts with most errors, in bounded memory: exact counts while at most {@code capacity}
 * distinct hosts have errors; beyond that the Space-Saving algorithm replaces the least-counted
 * host, so a host that keeps failing still rises to the top and a count is too high by at most the
 * smallest count tracked. Thread-safe (synchronized; called once per failed URL).
 */
final class TopHosts {
  private final int capacity;
  private final Map<String, long[]> counts = new HashMap<>();

  TopHosts(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    this.capacity = capacity;
  }

  synchronized void add(String host) {
    long[] count = counts.get(host);
    if (count != null) {
      count[0]++;
      return;
    }
    if (counts.size() < capacity) {
      counts.put(host, new long[] {1});
      return;
    }
    Map.Entry<String, long[]> least = counts.entrySet().stream()
        .min(Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow();
    counts.remove(least.getKey());
    counts.put(host, new long[] {least.getValue()[0] + 1});
  }

  /** The {@code n} hosts with most errors, most first (ties by name). */
  synchronized List<HostErrors> top(int n) {
    List<HostErrors> all = new ArrayList<>();
    counts.forEach((host, c) -> all.add(new HostErrors(host, c[0])));
    all.sort(Comparator.comparingLong(HostErrors::errors).reversed().thenComparing(HostErrors::host));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}
