package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;

import io.crawlpipe.crawler.process.ProcessPoolSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code processes} mode's worker JVMs: {@code --workers}, {@code --worker-heap}
 * and {@code --max-tasks-per-worker}, declared to {@link CrawlCommand}'s picocli spec by {@link
 * #declare} and checked by {@link OptionChecks}. Used once, by one thread.
 */
final class WorkerOptions {
  int workers = ProcessPoolSettings.DEFAULT_WORKERS;
  long workerHeap = ProcessPoolSettings.DEFAULT_WORKER_HEAP;
  int maxTasksPerWorker;

  /** Adds these options to {@code spec}, bound to this object's fields. */
  void declare(CommandSpec spec) {
    add(spec, option(int.class, () -> workers, v -> workers = v, "--workers")
        .converters(WholeNumbers.intIn(1, ProcessPoolSettings.MAX_WORKERS))
        .paramLabel("P").description("processes mode: worker JVMs, 1 to " + ProcessPoolSettings.MAX_WORKERS
            + ". Default: one per core (${DEFAULT-VALUE})."));
    add(spec, option(long.class, () -> workerHeap, v -> workerHeap = v, "--worker-heap")
        .converters(new ByteSizes(ProcessPoolSettings.MAX_WORKER_HEAP))
        .paramLabel("SIZE").description("processes mode: heap of each worker (-Xmx), 16m to 4096g. Default: 128m."));
    add(spec, option(int.class, () -> maxTasksPerWorker, v -> maxTasksPerWorker = v, "--max-tasks-per-worker")
        .converters(WholeNumbers.atLeast(0))
        .paramLabel("N").description("processes mode: replace a worker after it was given N fetch jobs (attempts, redirect hops, robots.txt fetches); 0 = never. Default: ${DEFAULT-VALUE}."));
  }

  /**
   * The pool's settings: {@code --workers} as given; its default, one per core, at most {@code
   * concurrency} (null: the mode's default), since the pool warns when it starts fewer workers
   * than asked, which a user who never asked is not owed.
   */
  ProcessPoolSettings settings(ParseResult given, Integer concurrency) {
    boolean asked = given.hasMatchedOption("--workers");
    int count = asked || concurrency == null ? workers : Math.min(workers, Math.max(1, concurrency));
    return ProcessPoolSettings.of(count, workerHeap, maxTasksPerWorker);
  }
}
