package io.crawlpipe.crawler.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the command in this JVM with an injected environment: a clock, a terminal answer and
 * {@link ManualSignals}; a second signal's halt is recorded instead of ending the JVM. Captures
 * stdout and stderr. One runner per run.
 */
final class CliRunner {
  final ManualSignals signals = new ManualSignals();
  final AtomicInteger halted = new AtomicInteger(-1);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Clock clock;
  private final boolean terminal;
  /** The environment's variables the run sees: none unless a test sets some (never the real ones). */
  final Map<String, String> variables = new HashMap<>();

  CliRunner() {
    this(Clock.system(ZoneId.of("UTC")), false);
  }

  CliRunner(Clock clock, boolean terminal) {
    this.clock = clock;
    this.terminal = terminal;
  }

  /** Stdin whose every read throws {@code failure}: an IOException, a RuntimeException or an Error. */
  static InputStream stdinThatThrows(Throwable failure) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        if (failure instanceof IOException io) throw io;
        if (failure instanceof RuntimeException unchecked) throw unchecked;
        throw (Error) failure;
      }
    };
  }

  /** Stdin redirected from a directory ({@code < /tmp}): each read throws what the JDK's does. */
  static InputStream directoryOnStdin() {
    return stdinThatThrows(new IOException("Is a directory"));
  }

  int run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  int run(InputStream stdin, String... args) {
    RunEnvironment env = new RunEnvironment(clock, () -> terminal, signals, halted::set, variables::get);
    return Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
