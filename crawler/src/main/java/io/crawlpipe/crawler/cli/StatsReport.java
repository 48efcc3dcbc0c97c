package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlStats;
import io.crawlpipe.crawler.HostErrors;
import io.crawlpipe.crawler.Suppressed;
import io.crawlpipe.store.FreshFiles;
import io.crawlpipe.store.IsoInstant;
import io.crawlpipe.store.ResultJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code --stats} file: a JSON summary of one run, written at its end (snake_case names).
 * Counts are of the lines this run wrote; {@code resumed_lines} counts those kept from the run it
 * resumed, {@code resumed_failed} those of them that failed (they count in the exit code).
 * Latencies are the {@code elapsed_ms} of fetched URLs. {@code stopped_by} is null, or the signal
 * or {@code --max-time} that stopped the run. Counts, {@code elapsed_seconds} and {@code
 * pages_per_second} come from the run's one {@link CrawlStats}, as does the summary line, so the
 * two agree: the seconds are the crawl's span (from the start of reading the list to the last line
 * stored), a little shorter than {@code ended_at - started_at}, which also cover opening the files,
 * starting worker processes and finishing the output. {@code started_at} and {@code ended_at} are
 * written as the results file's {@code fetched_at} is ({@link IsoInstant}: six fraction digits).
 */
record StatsReport(@JsonSerialize(using = IsoInstant.Serializer.class) Instant startedAt,
    @JsonSerialize(using = IsoInstant.Serializer.class) Instant endedAt, double elapsedSeconds, int exitCode, String stoppedBy,
    String output, long results, long ok, long failed, long cancelled, long resumedLines, long resumedFailed,
    long duplicates, Map<String, Long> byStatusClass, Map<String, Long> byErrorType, long bytes, double pagesPerSecond,
    Map<String, Long> latencyMs, List<HostErrors> topErrorHosts) {

  StatsReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    byStatusClass = sorted(byStatusClass);
    byErrorType = sorted(byErrorType);
    latencyMs = sorted(latencyMs);
    topErrorHosts = List.copyOf(topErrorHosts);
  }

  /** The status classes every report holds, 0 when none: a consumer indexes them without a default. */
  private static final List<String> STATUS_CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "none");

  /** The report for a run that started and ended at the two instants and counted into {@code stats}. */
  static StatsReport of(CrawlStats stats, Instant startedAt, Instant endedAt, int exitCode, StopCause stoppedBy,
      String output, long resumedLines, long resumedFailed, long duplicates) {
    return new StatsReport(startedAt, endedAt, stats.elapsed().toNanos() / 1e9, exitCode,
        stoppedBy == null ? null : stoppedBy.label(), output, stats.results(), stats.ok(), stats.failed(),
        stats.cancelled(), resumedLines, resumedFailed, duplicates, everyStatusClass(stats.byStatusClass()),
        stats.byErrorType(), stats.bytes(),
        stats.pagesPerSecond(), Map.of("p50", stats.latencyPercentile(50), "p95", stats.latencyPercentile(95),
            "p99", stats.latencyPercentile(99)), stats.topErrorHosts(10));
  }

  private static Map<String, Long> everyStatusClass(Map<String, Long> counted) {
    Map<String, Long> all = new HashMap<>(counted);
    STATUS_CLASSES.forEach(c -> all.putIfAbsent(c, 0L));
    return all;
  }

  private static Map<String, Long> sorted(Map<String, Long> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * Checks at the start of a run that {@code file} can be written at its end; not called for a name
   * of the run's standard output or error ({@link StandardStream}). A stream ({@link
   * OutputTargets#isStream}) must exist and be writable; it is not opened yet (a named pipe would
   * wait for its reader). For a file, creates its parent directories and checks that the directory
   * is writable and the file is not a directory.
   *
   * @throws IOException when it cannot be written
   */
  static void prepare(Path file, boolean stream) throws IOException {
    if (stream) {
      if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
      if (!Files.isWritable(file)) throw new AccessDeniedException(file.toString());
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (Files.isDirectory(file)) throw new IOException("is a directory");
    if (parent != null && !Files.isWritable(parent)) throw whyNotWritable(parent);
  }

  /**
   * Why files cannot be made in {@code dir}, which says it is not writable: the error creating one
   * gives the reason (a read-only file system is not a missing permission); else permission denied.
   * Either names {@code dir}, never the probe file ({@link #aboutDirectory}).
   */
  private static IOException whyNotWritable(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".crawlpipe-", ".probe"));
    } catch (IOException e) {
      return aboutDirectory(dir, e);
    }
    return new AccessDeniedException(dir.toString());
  }

  /**
   * {@code failure}, from creating a file in {@code dir}, told of {@code dir} itself: a message
   * naming the file would name a temporary one the user never asked for. Another exception than a
   * {@link FileSystemException} is returned as it is.
   */
  static IOException aboutDirectory(Path dir, IOException failure) {
    return switch (failure) {
      case AccessDeniedException denied -> new AccessDeniedException(dir.toString());
      case FileSystemException f -> new FileSystemException(dir.toString(), null, f.getReason());
      default -> failure;
    };
  }

  /**
   * The temporary file this process writes the report to before renaming it onto {@code file}:
   * {@code FILE.PID.tmp}, so two runs that share a stats file never write into one temporary file
   * (one's rename would move the other's half-written report into place).
   */
  static Path temporaryFile(Path file) {
    return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
  }

  /**
   * Writes the report, ending in a newline: to a stream directly, appending (no temporary file, no
   * rename, so a device stays a device and a log behind {@code /dev/stdout} keeps what it has);
   * to a file through a temporary file beside it renamed onto it. {@code file} is not a symbolic
   * link (see {@link RunNames}), so the rename leaves a link to it alone. The temporary file is
   * created anew: what was at its name (left by an earlier process of the same PID, or a symbolic
   * link someone planted there) is removed, never written through. It gets the POSIX permissions,
   * owner and group of the stats file it replaces, as far as this process may set them, as the
   * results file's {@code OUT.partial} does ({@link FreshFiles}); a new stats file's are the umask's. If writing or renaming the
   * temporary file fails, with any {@link Throwable} (an {@code OutOfMemoryError} too), it is deleted
   * (best effort), {@code file} is left as it was, and the failure is thrown on.
   *
   * @throws IOException when the report cannot be written or renamed into place
   */
  void writeTo(Path file, boolean stream) throws IOException {
    writeTo(file, stream, FileChannel::write);
  }

  /** As {@link #writeTo(Path, boolean)}, the temporary file's bytes written by {@code write} (tests inject a failing one). */
  void writeTo(Path file, boolean stream, ChannelWrite write) throws IOException {
    byte[] json = json();
    if (stream) {
      Files.write(file, json, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path tmp = temporaryFile(file);
    try {
      try (FileChannel channel = FreshFiles.create(tmp, file)) { // what is at its name is removed, not followed
        ByteBuffer bytes = ByteBuffer.wrap(json);
        while (bytes.hasRemaining()) write.write(channel, bytes);
      }
      FreshFiles.matchPermissions(tmp, file);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable e) { // an Error too: the temporary file never outlives a failed write
      discard(tmp, e);
      throw e;
    }
  }

  /** One write of bytes to a channel, as {@link FileChannel#write(ByteBuffer)}. */
  @FunctionalInterface
  interface ChannelWrite {
    int write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  /**
   * Writes the report, ending in a newline, to {@code stream}, the run's standard output or error
   * (see {@link StandardStream}), in one write; the stream stays open.
   *
   * @throws IOException when the stream reports an error (a closed pipe)
   */
  void writeTo(PrintStream stream) throws IOException {
    try (SharedOutput out = new SharedOutput(stream)) { // closing only flushes
      out.write(json());
    }
  }

  private byte[] json() {
    return (ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Deletes a failed write's temporary file if it is a regular file; an error doing so is added to {@code failure}. */
  private static void discard(Path tmp, Throwable failure) {
    try {
      if (Files.isRegularFile(tmp, LinkOption.NOFOLLOW_LINKS)) Files.delete(tmp);
    } catch (IOException | RuntimeException e) {
      Suppressed.add(failure, e);
    }
  }
}
