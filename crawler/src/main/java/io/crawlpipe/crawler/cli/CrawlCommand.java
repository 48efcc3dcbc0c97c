package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.Crawler;
import io.crawlpipe.crawler.Version;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.rules.RulesException;
import io.crawlpipe.parser.rules.RulesPageParser;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crawl [options] [URL_FILE]}: the command line over {@link Crawler}. */
@Command(name = "crawl", mixinStandardHelpOptions = true, versionProvider = CrawlCommand.VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true, synopsisSubcommandLabel = "",
    description = "Crawls a list of URLs (one per line) and writes one JSON line per distinct URL.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0    every line processed, none failed (see --fail-on)",
        "  1    some URLs failed (results with ok=false; --fail-on decides)",
        "  2    usage or input error: bad option, unreadable URL file or output",
        "  3    fatal I/O: the results file could not be written or renamed",
        "  70   internal error (a bug; run with -v for the stack trace)",
        "  75   another run holds the lock on this output (message names its PID)",
        "  124  stopped gracefully at the --max-time deadline",
        "  130  stopped gracefully by SIGINT (Ctrl-C)",
        "  143  stopped gracefully by SIGTERM"})
final class CrawlCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final RunEnvironment env;

  @Option(names = "--mode", converter = ModeConverter.class, paramLabel = "MODE",
      description = "threads | virtual (alias coroutines) | processes. Default: virtual.")
  Mode mode = Mode.VIRTUAL;

  @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
      description = "Fetch attempts running at once, all hosts (and, for processes, all workers) together."
          + " Default: 32 for threads, 256 for virtual and processes.")
  Integer concurrency;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Results file (JSON Lines), '-' for stdout; {date}, {time}, {ts} are expanded. Default: ${DEFAULT-VALUE}.")
  String out = "results.jsonl";

  @Option(names = "--timeout", converter = Durations.class, paramLabel = "DURATION",
      description = "Per-URL deadline for connect, redirects and body (500ms, 5s, 2m; bare number = s). Default: 30s.")
  Duration timeout = CrawlConfig.DEFAULT_TIMEOUT;

  @Option(names = "--max-bytes", converter = ByteSizes.class, paramLabel = "SIZE",
      description = "Largest body read, decoded bytes (65536, 512k, 10m). Default: 10m.")
  long maxBytes = CrawlConfig.DEFAULT_MAX_BYTES;

  @Option(names = "--max-redirects", paramLabel = "N", description = "Redirects followed per URL. Default: ${DEFAULT-VALUE}.")
  int maxRedirects = CrawlConfig.DEFAULT_MAX_REDIRECTS;

  @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent header. Default: ${DEFAULT-VALUE}.")
  String userAgent = CrawlConfig.DEFAULT_USER_AGENT;

  @Option(names = "--workers", paramLabel = "P", description = "processes mode: worker JVMs. Default: one per core (${DEFAULT-VALUE}).")
  int workers = ProcessPoolSettings.DEFAULT_WORKERS;

  @Option(names = "--worker-heap", converter = ByteSizes.class, paramLabel = "SIZE",
      description = "processes mode: heap of each worker (-Xmx), at least 16m. Default: 128m.")
  long workerHeap = ProcessPoolSettings.DEFAULT_WORKER_HEAP;

  @Option(names = "--max-tasks-per-worker", paramLabel = "N",
      description = "processes mode: replace a worker after N URLs; 0 = never. Default: ${DEFAULT-VALUE}.")
  int maxTasksPerWorker;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Extraction rules (JSON, see docs/RULES.md); checked completely before anything is fetched.")
  Path rules;

  @Option(names = "--retries", paramLabel = "N",
      description = "Retries of a transient failure (connect, timeout, io, 429, 502, 503, 504); 0 disables. Default: ${DEFAULT-VALUE}.")
  int retries = RetrySettings.DEFAULT_RETRIES;

  @Option(names = "--retry-backoff", converter = Durations.class, paramLabel = "DURATION",
      description = "Wait before the first retry, doubled for each further one, with jitter. Default: 1s.")
  Duration retryBackoff = RetrySettings.DEFAULT_BACKOFF;

  @Option(names = "--max-retry-wait", converter = Durations.class, paramLabel = "DURATION",
      description = "Longest wait before a retry, also capping a server's Retry-After. Default: 30s.")
  Duration maxRetryWait = RetrySettings.DEFAULT_MAX_WAIT;

  @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight per host at most. Default: ${DEFAULT-VALUE}.")
  int perHost = PolitenessSettings.DEFAULT_PER_HOST;

  @Option(names = "--delay", converter = Durations.class, paramLabel = "DURATION",
      description = "Least time between request starts to the same host (robots.txt Crawl-delay may raise it). Default: 0.")
  Duration delay = Duration.ZERO;

  @Option(names = "--ignore-robots", description = "Do not fetch or obey robots.txt.")
  boolean ignoreRobots;

  @Option(names = "--breaker-failures", paramLabel = "N",
      description = "Consecutive failures (connect, timeout, io, 5xx) that open a host's circuit; 0 disables. Default: ${DEFAULT-VALUE}.")
  int breakerFailures = BreakerSettings.DEFAULT_FAILURES;

  @Option(names = "--breaker-cooldown", converter = Durations.class, paramLabel = "DURATION",
      description = "How long an open circuit fails its host's URLs fast before one trial request. Default: 30s.")
  Duration breakerCooldown = BreakerSettings.DEFAULT_COOLDOWN;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary line (warnings and errors only).")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Log each URL and debug details to stderr.")
  boolean verbose;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL_FILE",
      description = "File with one URL per line, '-' for stdin. Default: ${DEFAULT-VALUE}.")
  String urlFile = "urls.txt";

  @Mixin
  UnattendedOptions unattended = new UnattendedOptions();

  CrawlCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, RunEnvironment env) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
  }

  @Override
  public Integer call() {
    Logging.verbose(verbose);
    CrawlConfig config;
    RunSettings settings;
    try {
      OptionChecks.check(this);
      config = CrawlConfig.builder().mode(mode).concurrency(concurrency).timeout(timeout)
          .maxBytes(maxBytes).maxRedirects(maxRedirects).userAgent(userAgent)
          .politeness(new PolitenessSettings(perHost, delay, !ignoreRobots))
          .retry(new RetrySettings(retries, retryBackoff, maxRetryWait))
          .breaker(new BreakerSettings(breakerFailures, breakerCooldown))
          .processes(ProcessPoolSettings.of(workers, workerHeap, maxTasksPerWorker)).build();
      settings = unattended.settings();
    } catch (OptionChecks.BadOption e) {
      return fail(ExitCodes.USAGE, e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(ExitCodes.USAGE, "invalid option: " + e.getMessage());
    }
    PageParser parser;
    try {
      parser = rules == null ? new DefaultPageParser() : RulesPageParser.load(rules);
    } catch (RulesException e) {
      return fail(ExitCodes.USAGE, e.getMessage());
    }
    return new CrawlRun(config, parser, new RunRequest(urlFile, out, quiet, settings), env, stdin, stdout, stderr)
        .execute();
  }

  private int fail(int code, String message) {
    stderr.println("crawl: " + message);
    return code;
  }

  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"crawlpipe " + Version.get()};
    }
  }
}
