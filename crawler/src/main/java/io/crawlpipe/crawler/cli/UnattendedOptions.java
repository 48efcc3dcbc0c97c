package io.crawlpipe.crawler.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options for unattended runs (cron): how the results file is written, the overlap lock, the
 * graceful stop and deadline, the exit-code policy, the log file and the stats file. A picocli
 * mixin of {@link CrawlCommand}; {@link #settings()} turns it into an immutable {@link RunSettings}.
 */
final class UnattendedOptions {
  @Option(names = "--append", description = "Append to the results file (a consumer may tail it) instead of "
      + "writing a temporary file renamed onto it at the end.")
  boolean append;

  @Option(names = "--resume", description = "Continue an interrupted run on the same output: keep its finished "
      + "lines, retry its cancelled ones, crawl the rest of the list.")
  boolean resume;

  @Option(names = "--lock", paramLabel = "FILE", description = "Lock file that keeps two runs apart. "
      + "Default: the output's name + '.lock'.")
  String lock;

  @Option(names = "--grace", converter = Durations.class, paramLabel = "DURATION",
      description = "On SIGINT/SIGTERM/--max-time, how long URLs in flight may still finish. Default: 5s.")
  Duration grace = Duration.ofSeconds(5);

  @Option(names = "--max-time", converter = Durations.class, paramLabel = "DURATION",
      description = "Stop gracefully after this long (e.g. 45m), as on SIGTERM; exit code 124.")
  Duration maxTime;

  @Option(names = "--fail-on", converter = FailOn.Converter.class, paramLabel = "POLICY",
      description = "When failed URLs make the exit code 1: none | any | ratio:R (e.g. ratio:0.2). Default: any.")
  FailOn failOn = FailOn.any();

  @Option(names = "--log", paramLabel = "FILE", description = "Write the log to FILE (rolling at 10 MB, 3 old "
      + "files kept) instead of stderr.")
  String log;

  @Option(names = "--stats", paramLabel = "FILE", description = "Write a JSON summary of the run to FILE at the end.")
  String stats;

  /**
   * The validated settings.
   *
   * @throws IllegalArgumentException naming a bad value
   */
  RunSettings settings() {
    return new RunSettings(append, resume, lock, grace, maxTime, failOn, log, stats);
  }
}
