package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;

import io.crawlpipe.crawler.process.Worker;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code crawl worker}: hidden from {@code --help}; the parent of {@code --mode processes} starts
 * one per worker JVM and speaks the worker protocol with it on stdin/stdout. Refuses to run on a
 * terminal, where it can only be a mistake. Its {@code --help} says so.
 */
final class WorkerCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private boolean verbose;

  WorkerCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * The command as picocli sees it, built without reading annotations: a worker JVM starts for
   * every worker of every run, and building its model by reflection (annotation proxies) was a
   * sixth of a worker's start-up CPU. {@link Worker#NO_TLS_WARM_UP} is read by {@link TlsWarmUp}
   * before the arguments are parsed; it is declared so that picocli accepts it.
   */
  CommandSpec spec() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("worker");
    spec.usageMessage().hidden(true)
        .description("Internal: a worker JVM of --mode processes (protocol lines on stdin/stdout).");
    // Its usage errors point at 'crawl worker --help': that must answer, though the command is hidden.
    spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
        .description("Show this help message and exit.").build());
    add(spec, option(boolean.class, () -> verbose, v -> verbose = v, "-v", "--verbose")
        .description("Log each URL at DEBUG to stderr."));
    add(spec, option(boolean.class, () -> false, ignored -> { }, Worker.NO_TLS_WARM_UP).hidden(true)
        .description("Do not set up TLS while starting (the parent's list has no https URL)."));
    return spec;
  }

  @Override
  public Integer call() {
    Logging.verbose(verbose);
    if (stdin == System.in && System.console() != null && System.console().isTerminal()) {
      CrawlLine.print(stderr, "'worker' is internal to --mode processes; to crawl a file named worker, pass ./worker");
      return ExitCodes.USAGE;
    }
    if (stdout == System.out) {
      System.setOut(stderr);  // stray prints must not corrupt the protocol
      ignoreInterrupts();
    }
    return new Worker(stdin, stdout, Clock.systemUTC()).run();
  }

  /**
   * Ctrl-C in a terminal reaches the whole process group, workers included, and so do the
   * SIGTERM of GNU {@code timeout} (it signals the crawl's process group) and a closing terminal's
   * SIGHUP. The crawl stops gracefully on each (in-flight URLs get --grace) and then closes the
   * workers' stdin, so a worker leaves these signals to its parent rather than dying with the URLs it holds. The parent
   * ends a worker with SIGKILL when it must; an orphaned worker ends when its stdin does.
   */
  private static void ignoreInterrupts() {
    for (String name : new String[] {"INT", "TERM", "HUP"}) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException alreadyIgnoredOrReserved) {
        // nothing to do: the signal cannot reach this JVM's default handler anyway
      }
    }
  }
}
