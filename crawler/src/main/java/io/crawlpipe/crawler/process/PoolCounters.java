package io.crawlpipe.crawler.process;

import java.util.List;

/** The pool's running totals behind {@link PoolStats}. Not thread-safe: guarded by the pool's lock. */
final class PoolCounters {
  int started;
  int crashed;
  int unresponsive;
  int recycled;
  int redispatched;

  PoolStats snapshot(List<WorkerProcess> live) {
    return new PoolStats(started, live.stream().map(WorkerProcess::pid).toList(), crashed, unresponsive,
        recycled, redispatched);
  }
}
