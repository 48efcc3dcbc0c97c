package io.crawlpipe.crawler.mode;

import io.crawlpipe.crawler.fetch.Fetcher;
import java.util.Locale;

/** The {@code --mode} values, each with its default concurrency. */
public enum Mode {
  /** A fixed pool of platform threads; default 32 (threads cost ~1 MiB of stack each). */
  THREADS(32),
  /** A virtual thread per URL; default 256 in flight. Also accepted as {@code coroutines}. */
  VIRTUAL(256);

  private final int defaultConcurrency;

  Mode(int defaultConcurrency) {
    this.defaultConcurrency = defaultConcurrency;
  }

  /** URLs in flight when {@code --concurrency} is not given. */
  public int defaultConcurrency() {
    return defaultConcurrency;
  }

  /** Opens this mode's executor (or pool) around {@code fetcher}; the caller closes it. */
  public FetchMode open(Fetcher fetcher, int concurrency) {
    return switch (this) {
      case THREADS -> new ThreadsMode(fetcher, concurrency);
      case VIRTUAL -> new VirtualThreadsMode(fetcher);
    };
  }

  /** Parses a {@code --mode} value, case-insensitively; {@code coroutines} means {@link #VIRTUAL}. */
  public static Mode parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "threads" -> THREADS;
      case "virtual", "coroutines" -> VIRTUAL;
      default -> throw new IllegalArgumentException(
          "unknown mode '" + value + "' (expected threads, virtual or coroutines)");
    };
  }
}
