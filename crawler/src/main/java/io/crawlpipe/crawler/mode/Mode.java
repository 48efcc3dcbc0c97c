package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.fetch.Fetcher;
import io.crawlpipe.crawler.process.ProcessPoolMode;
import java.util.Locale;
import java.util.function.Supplier;

/** The {@code --mode} values, each with its default concurrency. */
public enum Mode {
  /** A fixed pool of platform threads; default 32 (threads cost ~1 MiB of stack each). */
  THREADS(32),
  /** A virtual thread per URL; default 256 in flight. Also accepted as {@code coroutines}. */
  VIRTUAL(256),
  /** A pool of worker JVMs ({@code --workers}), each fetching many URLs on virtual threads; default 256 in all. */
  PROCESSES(256);

  private final int defaultConcurrency;

  Mode(int defaultConcurrency) {
    this.defaultConcurrency = defaultConcurrency;
  }

  /** URLs in flight when {@code --concurrency} is not given. */
  public int defaultConcurrency() {
    return defaultConcurrency;
  }

  /**
   * Opens this mode for a crawl configured by {@code config}; the caller closes it. The in-process
   * modes run the fetcher {@code fetcher} supplies, asked once, here; {@link #PROCESSES} never asks
   * (its worker JVMs build their own from {@code config.fetch()}) and may throw {@link
   * io.crawlpipe.crawler.process.WorkerStartException}.
   */
  public FetchMode open(Supplier<? extends Fetcher> fetcher, CrawlConfig config) {
    return open(fetcher, config, CrawlControl.unstopped());
  }

  /**
   * As {@link #open(Supplier, CrawlConfig)}; a stop of {@code control} while {@link #PROCESSES}
   * starts its workers ends the start at once with a {@link
   * io.crawlpipe.crawler.process.WorkerStartException}.
   */
  public FetchMode open(Supplier<? extends Fetcher> fetcher, CrawlConfig config, CrawlControl control) {
    if (this == PROCESSES) return new ProcessPoolMode(config.processes(), config.fetch(), config.concurrency(), control);
    return open(fetcher.get(), config.concurrency());
  }

  /** Opens an in-process mode's executor around {@code fetcher}; the caller closes it. */
  public FetchMode open(Fetcher fetcher, int concurrency) {
    return switch (this) {
      case THREADS -> new ThreadsMode(fetcher, concurrency);
      case VIRTUAL -> new VirtualThreadsMode(fetcher);
      case PROCESSES -> throw new IllegalArgumentException(
          "processes mode fetches in worker JVMs, not with an in-process fetcher: open it with a CrawlConfig");
    };
  }

  /** Parses a {@code --mode} value, case-insensitively; {@code coroutines} means {@link #VIRTUAL}. */
  public static Mode parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "threads" -> THREADS;
      case "virtual", "coroutines" -> VIRTUAL;
      case "processes" -> PROCESSES;
      default -> throw new IllegalArgumentException(
          "unknown mode '" + value + "' (expected threads, virtual, coroutines or processes)");
    };
  }
}
