package io.crawlpipe.crawler.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code crawl} command's entry point: parses arguments, runs, exits with the documented code. */
public final class Main {
  /** What a fatal error that is not running out of heap adds: where its stack trace is. */
  static final String VERBOSE_HINT = " (run with -v for details)";
  private Main() {}

  public static void main(String[] args) {
    // First, so that a stop signal from here on is the run's (a stop before its crawl), not the JVM's
    // silent exit. Not for the subcommands: a worker ignores these signals itself, and extract and
    // aot-train keep the JVM's handling.
    EarlySignals early = isSubcommand(args) ? null : EarlySignals.start(new OsSignals());
    // What ends a thread of the crawl is a log line, and an Error fails the run (OutOfMemoryBackstop).
    if (!isSubcommand(args)) UncaughtErrors.install();
    // Before anything logs through java.util.logging (OkHttp does): its records then go through the log.
    JavaLoggingBridge.install();
    TlsWarmUp tls = TlsWarmUp.start(args);
    int code = run(args, System.in, System.out, System.err,
        early == null ? RunEnvironment.system() : RunEnvironment.system(early));
    if (tls != null) tls.keepUntilHere();
    System.exit(early == null ? code : unheardStop(early.undelivered(), code, System.err));
  }

  private static boolean isSubcommand(String[] args) {
    return args.length > 0 && (args[0].equals("worker") || args[0].equals("extract") || args[0].equals("aot-train"));
  }

  /**
   * The exit code once the command returned {@code code}: a stop signal that came while no run
   * listened ({@code --help}, a usage error; null if none) ends the process as that signal would,
   * with one line on {@code stderr}.
   */
  static int unheardStop(StopCause cause, int code, PrintStream stderr) {
    if (cause == null) return code;
    CrawlLine.print(stderr, "stopped by " + cause.label() + " " + RunStops.BEFORE_THE_CRAWL + "; "
        + RunActivities.NOTHING_CRAWLED);
    stderr.flush();
    return cause.exitCode();
  }

  /**
   * Runs the command with the given streams and returns its exit code (never calls exit). The
   * process's signals are left alone: only the end of the list or {@code --max-time} stops a run.
   */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    return run(args, stdin, stdout, stderr, RunEnvironment.embedded());
  }

  /** As above, in {@code env}: its clock, terminal check and stop signals (tests inject their own). */
  static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr, RunEnvironment env) {
    String unreadable = ArgumentFiles.problem(args); // picocli would take it as a plain argument
    if (unreadable != null) {
      CrawlLine.print(stderr, unreadable);
      return ExitCodes.USAGE;
    }
    CommandLine cli = commandLine(args, stdin, stdout, stderr, env);
    cli.setExecutionExceptionHandler(outOfMemoryFirst(cli.getExecutionExceptionHandler()));
    try {
      return helpWritten(cli, cli.execute(args), stderr);
    } catch (Error e) { // picocli hands only Exceptions to its handlers; an Error still gets one line
      CrawlLine.print(stderr, "fatal error: " + e + fatalHint(args, e, cli, env));
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("fatal error", e);
      return ExitCodes.SOFTWARE;
    }
  }

  /**
   * {@code code}, unless the command printed its help or version ({@code --help}, {@code --version},
   * {@code extract --help}) and stdout took it with an error (a closed pipe, {@code > /dev/full}):
   * then exit 3 with one line on {@code stderr}, as a crawl's results that stdout does not take, for
   * picocli's writer keeps such an error to itself.
   */
  private static int helpWritten(CommandLine cli, int code, PrintStream stderr) {
    if (!helpRequested(cli.getParseResult()) || !cli.getOut().checkError()) return code;
    CrawlLine.print(stderr, "cannot write to stdout: write failed (a closed pipe, or a full disk?)");
    return ExitCodes.IO;
  }

  private static boolean helpRequested(CommandLine.ParseResult parsed) {
    if (parsed == null) return false;
    return parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()
        || parsed.hasSubcommand() && helpRequested(parsed.subcommand());
  }

  /**
   * {@code handler}, but an {@code IllegalArgumentException("Self-suppression not permitted")}
   * caused by an {@link OutOfMemoryError} is that error, thrown on to {@link #run}'s catch: the JVM
   * throws one preallocated error when the heap runs out, and a {@code try}-with-resources that adds
   * it to itself as suppressed throws that exception instead.
   */
  private static IExecutionExceptionHandler outOfMemoryFirst(IExecutionExceptionHandler handler) {
    return (e, cli, parsed) -> {
      if (e instanceof IllegalArgumentException && FatalLine.errorIn(e) instanceof OutOfMemoryError oom) throw oom;
      return handler.handleExecutionException(e, cli, parsed);
    };
  }

  /**
   * What to do about an {@link Error}: run with {@code -v}, which {@code crawl extract} has not;
   * there, running out of memory means a page too large for the heap, and in a crawl a heap too
   * small for the run ({@link OutOfMemoryHints#hint}, with {@code env}'s {@code CRAWLPIPE_HEAP}).
   */
  private static String fatalHint(String[] args, Error e, CommandLine cli, RunEnvironment env) {
    if (isExtract(args)) return ExtractCommand.internalHint(e instanceof OutOfMemoryError);
    if (!(e instanceof OutOfMemoryError) || isSubcommand(args)) return VERBOSE_HINT;
    return OutOfMemoryHints.hint(env, resumable(cli));
  }

  /**
   * How the run {@code cli} parsed is continued: {@code --resume}, or {@code --append --resume} for
   * an {@code --append} run; null when its results do not go to a file (stdout {@code -}, a device
   * or a pipe), which nothing continues.
   */
  private static String resumable(CommandLine cli) {
    OptionSpec out = cli.getCommandSpec().findOption("--out");
    OptionSpec append = cli.getCommandSpec().findOption("--append");
    return OutOfMemoryHints.resumeOption(out != null && out.getValue() instanceof String name ? name : null,
        append != null && Boolean.TRUE.equals(append.getValue()));
  }

  private static boolean isExtract(String[] args) {
    return args.length > 0 && args[0].equals("extract");
  }

  /** The command line that {@link #run} executes {@code args} with: its help, error handlers and streams. */
  static CommandLine commandLine(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr,
      RunEnvironment env) {
    CommandLine cli = new CommandLine(new CrawlCommand(stdin, stdout, stderr, env).spec());
    // The hidden subcommands are registered only when named: building a command's model by
    // reflection costs start-up time that every crawl would otherwise pay.
    String first = args.length > 0 ? args[0] : "";
    if (first.equals("worker")) cli.addSubcommand("worker", new WorkerCommand(stdin, stdout, stderr).spec());
    if (first.equals("aot-train")) cli.addSubcommand("aot-train", new TrainCommand(stderr));
    if (first.equals("extract")) cli.addSubcommand("extract", new ExtractCommand(stdin, stdout, stderr));
    cli.setAtFileCommentChar(null); // '#' is an ordinary character in an @FILE (a key or password may hold one)
    cli.registerConverter(Integer.class, WholeNumbers.INT).registerConverter(int.class, WholeNumbers.INT);
    cli.registerConverter(Long.class, WholeNumbers.LONG).registerConverter(long.class, WholeNumbers.LONG);
    cli.setHelpFactory(HelpLayout.FACTORY);
    // extract's help as wide as the terminal, as crawl's is (set on every command added so far)
    cli.setUsageHelpAutoWidth(true);
    // picocli colours help on any terminal; one that says it is dumb shows the escapes as they are
    if ("dumb".equals(env.variables().apply("TERM"))) cli.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cli.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((e, arguments) -> {
      CrawlLine.print(stderr, UsageErrors.describe(e, arguments));
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, ignored, parsed) -> {
      CrawlLine.print(stderr, "unexpected error: " + e + (isExtract(args) ? " (a bug in crawlpipe)" : VERBOSE_HINT));
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("unexpected error", e);
      return ExitCodes.SOFTWARE;
    });
    return cli;
  }
}
