package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options for unattended runs (cron): how the results file is written, the overlap lock, the
 * graceful stop and deadline, the exit-code policy, the log file and the stats file. Declared to
 * {@link CrawlCommand}'s picocli spec by {@link #declare}; {@link #settings()} turns them into an
 * immutable {@link RunSettings}.
 */
final class UnattendedOptions {
  boolean append;
  boolean resume;
  String lock;
  Duration grace = Duration.ofSeconds(5);
  Duration maxTime;
  FailOn failOn = FailOn.any();
  String log;
  String stats;

  /** Adds these options to {@code spec}, bound to this object's fields. */
  void declare(CommandSpec spec) {
    add(spec, option(boolean.class, () -> append, v -> append = v, "--append")
        .description("Append to the results file (a consumer may tail it) instead of "
            + "writing a temporary file renamed onto it at the end."));
    add(spec, option(boolean.class, () -> resume, v -> resume = v, "--resume")
        .description("Continue an interrupted run on the same output: keep its finished "
            + "lines, retry its cancelled ones, crawl the rest of the list."));
    add(spec, option(String.class, () -> lock, v -> lock = v, "--lock").paramLabel("FILE")
        .description("Lock file that keeps two runs apart. Default: the output's name + '.lock'."));
    add(spec, option(Duration.class, () -> grace, v -> grace = v, "--grace").converters(new Durations())
        .paramLabel("DURATION")
        .description("On SIGINT, SIGTERM, SIGHUP or --max-time, how long URLs in flight may still finish. Default: 5s."));
    add(spec, option(Duration.class, () -> maxTime, v -> maxTime = v, "--max-time").converters(new Durations())
        .paramLabel("DURATION").description("Stop gracefully after this long (e.g. 45m), as on SIGTERM; exit code 124."));
    add(spec, option(FailOn.class, () -> failOn, v -> failOn = v, "--fail-on").converters(new FailOn.Converter())
        .paramLabel("POLICY")
        .description("When failed URLs make the exit code 1: none | any | ratio:R (e.g. ratio:0.2). Default: any."));
    add(spec, option(String.class, () -> log, v -> log = v, "--log").paramLabel("FILE")
        .description("Write the log to FILE instead of stderr; a regular file rolls at 10 MB, 3 old files kept."));
    add(spec, option(String.class, () -> stats, v -> stats = v, "--stats").paramLabel("FILE")
        .description("Write a JSON summary of the run to FILE at the end."));
  }

  /**
   * The validated settings.
   *
   * @throws IllegalArgumentException naming a bad value
   */
  RunSettings settings() {
    return new RunSettings(append, resume, lock, grace, maxTime, failOn, log, stats);
  }
}
