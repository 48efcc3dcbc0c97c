package io.crawlpipe.crawler.process;

import java.util.ArrayList;
import java.util.List;

/** The pool's running totals behind {@link PoolStats}. Not thread-safe: guarded by the pool's lock. */
final class PoolCounters {
  final List<Long> pids = new ArrayList<>();
  int crashed;
  int unresponsive;
  int recycled;
  int redispatched;

  PoolStats snapshot(int live) {
    return new PoolStats(pids, live, crashed, unresponsive, recycled, redispatched);
  }
}
