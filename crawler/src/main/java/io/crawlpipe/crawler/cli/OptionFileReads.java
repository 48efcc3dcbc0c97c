package io.crawlpipe.crawler.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads an option's file before the run ({@code --ca-cert}, {@code --rules}) so that a stop signal
 * can end it: such a file may be a named pipe with no writer yet, or a terminal, whose read waits
 * in the operating system and cannot be interrupted. A signal while it reads ends the process at
 * once with one line ({@code crawl: stopped by SIGTERM while reading --rules 'r.fifo'; nothing was
 * crawled}) and the signal's exit code: nothing is open yet, no lock, no temporary file, the output
 * as it was. A signal after the read is left for the run, as one before it started is. Used on
 * the command's thread only.
 */
final class OptionFileReads {
  private final StopSignals signals;
  private final IntConsumer halt;
  private final PrintStream stderr;

  OptionFileReads(RunEnvironment env, PrintStream stderr) {
    this.signals = Objects.requireNonNull(env, "env").signals();
    this.halt = env.halt();
    this.stderr = Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * What {@code read} returns or throws, a stop signal meanwhile ending the process; {@code read}
   * reads {@code files}, the value of {@code option}. No files: {@code read} runs as it is.
   */
  <T> T during(String option, List<Path> files, Supplier<T> read) {
    if (files.isEmpty()) return read.get();
    String what = files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "reading " + option + " ", ""));
    try (StopSignals.Registration ignored = signals.installBeforeRun(cause -> stop(cause, what))) {
      return read.get();
    }
  }

  private void stop(StopCause cause, String what) {
    CrawlLine.print(stderr, "stopped by " + cause.label() + " while " + what + "; " + RunActivities.NOTHING_CRAWLED);
    stderr.flush();
    halt.accept(cause.exitCode());
  }
}
