package io.crawlpipe.crawler.process;

import java.util.List;

/**
 * What a process pool did so far: how many worker processes it started; the pids of those running
 * or starting now, oldest first; how many died unexpectedly ({@code crashed}, including those
 * killed for not answering, counted again in {@code unresponsive}); how many were retired by
 * {@code --max-tasks-per-worker}; and how many times a URL was sent to another worker after its
 * worker died.
 */
public record PoolStats(int started, List<Long> livePids, int crashed, int unresponsive, int recycled,
    int redispatched) {
  public PoolStats {
    livePids = List.copyOf(livePids);
  }
}
