package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.ResultJson;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code --stats} file: a JSON summary of one run, written at its end (snake_case names).
 * Counts are of the lines this run wrote; {@code resumed_lines} counts those kept from the run it
 * resumed. Latencies are the {@code elapsed_ms} of fetched URLs. {@code stopped_by} is null, or the
 * signal or {@code --max-time} that stopped the run.
 */
record StatsReport(Instant startedAt, Instant endedAt, double elapsedSeconds, int exitCode, String stoppedBy,
    String output, long results, long ok, long failed, long cancelled, long resumedLines, long duplicates,
    Map<String, Long> byStatusClass, Map<String, Long> byErrorType, long bytes, double pagesPerSecond,
    Map<String, Long> latencyMs, List<TopHosts.HostCount> topErrorHosts) {

  StatsReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    byStatusClass = sorted(byStatusClass);
    byErrorType = sorted(byErrorType);
    latencyMs = sorted(latencyMs);
    topErrorHosts = List.copyOf(topErrorHosts);
  }

  /** The report for a run that wrote {@code stats} between the two instants. */
  static StatsReport of(RunStats stats, Instant startedAt, Instant endedAt, int exitCode, StopCause stoppedBy,
      String output, long resumedLines, long duplicates) {
    double seconds = Duration.between(startedAt, endedAt).toNanos() / 1e9;
    long results = stats.results();
    LatencyHistogram latency = stats.latency();
    return new StatsReport(startedAt, endedAt, seconds, exitCode, stoppedBy == null ? null : stoppedBy.label(),
        output, results, results - stats.failed(), stats.failed(), stats.cancelled(), resumedLines, duplicates,
        stats.byStatusClass(), stats.byErrorType(), stats.bytes(), seconds <= 0 ? 0 : results / seconds,
        Map.of("p50", latency.percentile(50), "p95", latency.percentile(95), "p99", latency.percentile(99)),
        stats.errorHosts().top(10));
  }

  private static Map<String, Long> sorted(Map<String, Long> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * Checks at the start of a run that {@code file} can be written at its end: creates its parent
   * directories and checks that the directory is writable and the file is not a directory.
   *
   * @throws IOException when it cannot be written
   */
  static void prepare(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (Files.isDirectory(file)) throw new IOException("is a directory");
    if (parent != null && !Files.isWritable(parent)) throw new AccessDeniedException(parent.toString());
  }

  /** Writes the report to {@code file} through a temporary file renamed onto it. */
  void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
