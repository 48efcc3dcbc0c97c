package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.process.Worker;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code crawl worker}: hidden from {@code --help}; the parent of {@code --mode processes} starts
 * one per worker JVM and speaks the worker protocol with it on stdin/stdout. Refuses to run on a
 * terminal, where it can only be a mistake.
 */
@Command(name = "worker", hidden = true,
    description = "Internal: a worker JVM of --mode processes (protocol lines on stdin/stdout).")
final class WorkerCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

  @Option(names = {"-v", "--verbose"}, description = "Log each URL at DEBUG to stderr.")
  boolean verbose;

  /** Read by {@link TlsWarmUp} before the arguments are parsed; declared so that picocli accepts it. */
  @Option(names = Worker.NO_TLS_WARM_UP, hidden = true,
      description = "Do not set up TLS while starting (the parent's list has no https URL).")
  boolean noTlsWarmUp;

  WorkerCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() {
    Logging.verbose(verbose);
    if (stdin == System.in && System.console() != null && System.console().isTerminal()) {
      stderr.println("crawl: 'worker' is internal to --mode processes; to crawl a file named worker, pass ./worker");
      return ExitCodes.USAGE;
    }
    if (stdout == System.out) {
      System.setOut(stderr);  // stray prints must not corrupt the protocol
      ignoreInterrupts();
    }
    return new Worker(stdin, stdout, Clock.systemUTC()).run();
  }

  /**
   * Ctrl-C in a terminal reaches the whole process group, workers included, and so does the
   * SIGTERM of GNU {@code timeout} (it signals the crawl's process group). The crawl stops
   * gracefully on either (in-flight URLs get --grace) and then closes the workers' stdin, so a
   * worker leaves both signals to its parent rather than dying with the URLs it holds. The parent
   * ends a worker with SIGKILL when it must; an orphaned worker ends when its stdin does.
   */
  private static void ignoreInterrupts() {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException alreadyIgnoredOrReserved) {
        // nothing to do: the signal cannot reach this JVM's default handler anyway
      }
    }
  }
}
