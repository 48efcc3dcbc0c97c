package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.FetchSettings;
import java.time.Duration;
import java.util.List;

/** Small, quick-starting worker pools for tests: 64 MiB workers that only use the C1 compiler. */
final class TestPools {
  static final List<String> QUICK_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
  static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(5), 1 << 20, 5, "crawlpipe-test");

  private TestPools() {}

  static ProcessPoolSettings settings(int workers, int maxTasksPerWorker) {
    return settings(workers, maxTasksPerWorker, 64L << 20, Duration.ofSeconds(10));
  }

  static ProcessPoolSettings settings(int workers, int maxTasksPerWorker, long heap, Duration answerGrace) {
    return new ProcessPoolSettings(workers, heap, maxTasksPerWorker, answerGrace, Duration.ofSeconds(30), QUICK_JVM);
  }

  /** Processes started by this JVM that still exist (workers left behind would show here). */
  static List<ProcessHandle> descendants() {
    return ProcessHandle.current().descendants().toList();
  }
}
