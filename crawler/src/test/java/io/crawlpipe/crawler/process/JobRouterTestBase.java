package io.crawlpipe.crawler.process;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JobRouter} with stand-in workers that are no processes, for tests of where a lost
 * worker's URLs go: {@link #ready} adds a ready worker to {@link #live}, {@link #flush} runs the
 * work the router left for after its lock. One test's state; not thread-safe.
 */
abstract class JobRouterTestBase {
  final List<Runnable> after = new ArrayList<>();
  final List<WorkerProcess> live = new ArrayList<>();
  final JobRouter router;
  private int nextWorker = 1;

  /** A router that sends each worker at most {@code perWorker} URLs at once. */
  JobRouterTestBase(int perWorker) {
    router = new JobRouter(0, perWorker, new PoolCounters(), (w, job, attempt) -> null, job -> {});
  }

  WorkerProcess ready() {
    WorkerProcess w = new WorkerProcess(nextWorker++, new FakeProcess(AssertionError::new), new ProtocolCodec(), 1 << 20, 64L << 20);
    w.state = WorkerProcess.State.READY;
    live.add(w);
    return w;
  }

  void flush() {
    after.forEach(Runnable::run);
    after.clear();
  }
}
