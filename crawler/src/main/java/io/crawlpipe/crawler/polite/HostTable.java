package io.crawlpipe.crawler.polite;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The hosts the scheduler knows, with their robots.txt rules and breakers. Busy hosts are always
 * kept; of the idle ones only the {@code maxIdle} most recently used are, so a list of a million
 * one-URL hosts does not keep a million robots.txt files. A host dropped and seen again later has
 * its robots.txt fetched again and a fresh breaker. Confined to the scheduler's event loop.
 */
final class HostTable {
  private final Map<HostKey, HostQueue> hosts = new HashMap<>();
  private final LinkedHashSet<HostKey> idle = new LinkedHashSet<>();
  private final Function<HostKey, HostQueue> factory;
  private final int maxIdle;

  HostTable(Function<HostKey, HostQueue> factory, int maxIdle) {
    if (maxIdle < 0) throw new IllegalArgumentException("maxIdle must be >= 0, was " + maxIdle);
    this.factory = factory;
    this.maxIdle = maxIdle;
  }

  /** The host's queue, created on first use; it is busy until {@link #retireIfIdle} finds it idle. */
  HostQueue get(HostKey key) {
    idle.remove(key);
    return hosts.computeIfAbsent(key, factory);
  }

  /** Marks the host idle if it is, dropping the least recently used idle hosts past the limit. */
  void retireIfIdle(HostQueue host) {
    if (!host.idle() || !idle.add(host.key())) return;
    Iterator<HostKey> oldest = idle.iterator();
    while (idle.size() > maxIdle) {
      hosts.remove(oldest.next());
      oldest.remove();
    }
  }

  /** Runs {@code action} on every host held; it must not add or retire hosts. */
  void forEach(Consumer<HostQueue> action) {
    hosts.values().forEach(action);
  }

  /** Hosts currently held, busy or idle. */
  int size() {
    return hosts.size();
  }
}
