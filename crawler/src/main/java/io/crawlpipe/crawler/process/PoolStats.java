package io.crawlpipe.crawler.process;

import java.util.List;

/**
 * What a process pool did so far: the pids of every worker process it started, in start order;
 * how many workers are running or starting; how many died unexpectedly ({@code crashed}, including those killed
 * for not answering, counted again in {@code unresponsive}); how many were retired by
 * {@code --max-tasks-per-worker}; and how many times a URL was sent to another worker after its
 * worker died.
 */
public record PoolStats(List<Long> workerPids, int live, int crashed, int unresponsive, int recycled,
    int redispatched) {
  public PoolStats {
    workerPids = List.copyOf(workerPids);
  }
}
