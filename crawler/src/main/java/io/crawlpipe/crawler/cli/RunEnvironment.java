package io.crawlpipe.crawler.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * What a run takes from the process around it, injected so tests can replace it: the clock (dated
 * file names, start and end times; its zone is the zone of {@code {date}} and {@code {time}}),
 * whether stderr is a terminal, the stop signals, how to end the process at once (second
 * signal), and the environment's variables (the proxy ones: {@code https_proxy}, {@code
 * no_proxy}, ...), a name's value or null.
 */
record RunEnvironment(Clock clock, Terminal terminal, StopSignals signals, IntConsumer halt,
    UnaryOperator<String> variables) {
  RunEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(halt, "halt");
    Objects.requireNonNull(variables, "variables");
  }

  /** The real process: local time zone, stderr's terminal check, OS signals, {@code Runtime.halt}. */
  static RunEnvironment system() {
    return system(new OsSignals());
  }

  /** As {@link #system()}, with the stop signals of {@code signals} ({@link EarlySignals}: installed at start). */
  static RunEnvironment system(StopSignals signals) {
    return new RunEnvironment(new LocalZoneClock(), Terminal.stderr(), signals,
        code -> Runtime.getRuntime().halt(code), System::getenv);
  }

  /**
   * For runs embedded in another program (the 4-argument {@code Main.run}): the process's signals
   * are left alone, so only the list's end (or {@code --max-time}) stops a run.
   */
  static RunEnvironment embedded() {
    return new RunEnvironment(new LocalZoneClock(), Terminal.stderr(), handler -> () -> { },
        code -> { throw new IllegalStateException("halt(" + code + ") without signals"); }, System::getenv);
  }

  /** This environment with no variables set, whatever the process's environment holds. */
  RunEnvironment withoutVariables() {
    return new RunEnvironment(clock, terminal, signals, halt, name -> null);
  }

  /**
   * The system clock in the local time zone, which it looks up only when asked: finding it (the
   * JDK's time-zone data) costs a fresh JVM ~20 ms, and only {@code {date}} and {@code {time}} in a
   * file name need it. Thread-safe.
   */
  static final class LocalZoneClock extends Clock {
    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
      ZoneId found = zone;
      if (found == null) zone = found = ZoneId.systemDefault();
      return found;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.system(zone);
    }

    @Override
    public Instant instant() {
      return Instant.now();
    }

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }
  }
}
