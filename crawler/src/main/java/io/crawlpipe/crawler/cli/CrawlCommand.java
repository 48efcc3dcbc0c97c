package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;
import static io.crawlpipe.crawler.cli.BoundOptions.positional;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.Crawler;
import io.crawlpipe.crawler.Version;
import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.HttpProxy;
import io.crawlpipe.crawler.fetch.ProxyRoutes;
import io.crawlpipe.crawler.fetch.RequestHeader;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.rules.RulesException;
import io.crawlpipe.parser.rules.RulesPageParser;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code crawl [options] [URL_FILE]}: the command line over {@link Crawler}. The options are fields
 * declared to picocli in {@link #spec()} with its programmatic API (see {@link BoundOptions} for why
 * not annotations); picocli sets them, then calls {@link #call()}. Used once, by one thread.
 */
final class CrawlCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final RunEnvironment env;

  Mode mode = Mode.VIRTUAL;
  Integer concurrency;
  String out = "results.jsonl";
  Duration timeout = CrawlConfig.DEFAULT_TIMEOUT;
  long maxBytes = CrawlConfig.DEFAULT_MAX_BYTES;
  int maxRedirects = CrawlConfig.DEFAULT_MAX_REDIRECTS;
  String userAgent = CrawlConfig.DEFAULT_USER_AGENT;
  List<RequestHeader> headers = List.of();
  FetchClient client = FetchSettings.DEFAULT_CLIENT;
  HttpProxy proxy;
  Path rules;
  /** One element per {@code -q} given: {@code -qq} is {@code -q}, as {@code -vv} is {@code -v}. */
  boolean[] quiet = new boolean[0];
  /** One element per {@code -v} given: {@code -vv} is {@code -v} (there is one level of detail). */
  boolean[] verbose = new boolean[0];
  String urlFile = "urls.txt";
  private CommandSpec spec;
  final PolitenessOptions politeness = new PolitenessOptions();
  final UnattendedOptions unattended = new UnattendedOptions();
  final TlsOptions tls = new TlsOptions();
  final WorkerOptions workerOptions = new WorkerOptions();

  CrawlCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, RunEnvironment env) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
  }

  /** The command as picocli sees it: its options bound to this object's fields, in help order. */
  CommandSpec spec() {
    spec = CommandSpec.wrapWithoutInspection(this).name("crawl").versionProvider(() -> new String[] {"crawlpipe " + Version.get()});
    spec.usageMessage().sortOptions(false).autoWidth(true).synopsisSubcommandLabel("")
        .description("Crawls a list of URLs (one per line) and writes one JSON line per distinct URL.")
        .footerHeading("%nExit codes:%n").footer(HelpFooter.lines());
    spec.addPositional(positional(String.class, () -> urlFile, v -> urlFile = v)
        .index("0").arity("0..1").paramLabel("URL_FILE")
        .description("File with one URL per line, '-' for stdin; gzip-compressed is read as it is."
            + " Default: ${DEFAULT-VALUE}.").build());
    declareFetchOptions(spec);
    politeness.declare(spec);
    add(spec, option(boolean[].class, () -> quiet, v -> quiet = v, "-q", "--quiet").arity("0")
        .description("No progress line, and the summary line only when the exit code is not 0 (for cron: mail only on failure; -qq is the same)."));
    add(spec, option(boolean[].class, () -> verbose, v -> verbose = v, "-v", "--verbose").arity("0")
        .description("Log each URL and debug details to the log: stderr unless --log (-vv is the same)."));
    unattended.declare(spec);
    spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  private void declareFetchOptions(CommandSpec spec) {
    add(spec, option(Mode.class, () -> mode, v -> mode = v, "--mode").converters(new ModeConverter())
        .paramLabel("MODE").description("threads | virtual (alias coroutines) | processes. Default: virtual."));
    add(spec, option(Integer.class, () -> concurrency, v -> concurrency = v, "-c", "--concurrency")
        .converters(WholeNumbers.atLeast(1))
        .paramLabel("N").description("Fetch attempts running at once, all hosts (and, for processes, all workers) together."
            + " Default: 32 for threads, 256 for virtual and processes."));
    add(spec, option(String.class, () -> out, v -> out = v, "-o", "--out").paramLabel("FILE")
        .description("Results file (JSON Lines), '-' for stdout; {date}, {time}, {ts} are expanded. Default: ${DEFAULT-VALUE}."));
    add(spec, option(Duration.class, () -> timeout, v -> timeout = v, "--timeout").converters(new Durations())
        .paramLabel("DURATION")
        .description("Deadline of each request: connect, response and body; a redirect hop is a request of its own (500ms, 5s, 2m; bare number = s). Default: 30s."));
    add(spec, option(long.class, () -> maxBytes, v -> maxBytes = v, "--max-bytes")
        .converters(new ByteSizes(FetchSettings.MAX_BODY_BYTES))
        .paramLabel("SIZE").description("Largest body read, decoded bytes (65536, 512k, 10m), at most 1g. Default: 10m."));
    add(spec, option(int.class, () -> maxRedirects, v -> maxRedirects = v, "--max-redirects")
        .converters(WholeNumbers.atLeast(0))
        .paramLabel("N").description("Redirects followed per URL, each hop under its host's robots.txt and limits. Default: ${DEFAULT-VALUE}."));
    add(spec, option(String.class, () -> userAgent, v -> userAgent = v, "--user-agent")
        .paramLabel("UA").description("User-Agent header; its product token (up to the first /, or the name after"
            + " 'compatible;') is the name matched in robots.txt. Default: ${DEFAULT-VALUE}."));
    add(spec, headerOption());
    add(spec, option(FetchClient.class, () -> client, v -> client = v, "--client").converters(converting(FetchClient::parse))
        .paramLabel("CLIENT").description("http1 (crawlpipe's own HTTP/1.1 client) | okhttp (OkHttp: HTTP/2 over TLS, proxies"
            + " from the JVM's proxy properties). Default: " + FetchSettings.DEFAULT_CLIENT.code() + "."));
    add(spec, option(HttpProxy.class, () -> proxy, v -> proxy = v, "--proxy").converters(converting(HttpProxy::parse))
        .paramLabel("URL").description("Fetch everything through this HTTP proxy, http://[user:password@]host:port"
            + " (https URLs through CONNECT tunnels), with either client, loopback hosts included."
            + " Default: the environment's http_proxy, https_proxy, all_proxy and no_proxy, as curl reads them"
            + " (loopback hosts then go direct)."));
    tls.declare(spec);
    workerOptions.declare(spec);
    add(spec, option(Path.class, () -> rules, v -> rules = v, "--rules").converters(new PathArguments.Converter())
        .paramLabel("FILE")
        .description("Extraction rules (JSON, see docs/RULES.md); checked completely before anything is fetched."));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private OptionSpec.Builder headerOption() {
    return option(List.class, () -> headers, v -> headers = v, "-H", "--header").auxiliaryTypes(RequestHeader.class)
        .converters(converting(RequestHeader::parse)).paramLabel("'NAME: VALUE'")
        .description("A header added to every request (robots.txt and redirects too), as curl -H; repeatable."
            + " Not User-Agent (--user-agent), Host, Accept-Encoding, connection headers, nor credentials"
            + " (Authorization, Cookie).");
  }

  /** {@code parse} as picocli's converter: its IllegalArgumentException is the option's error, in its words. */
  private static <T> ITypeConverter<T> converting(Function<String, T> parse) {
    return value -> {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
  }

  @Override
  public Integer call() {
    Logging.verbose(verbose.length > 0);
    CrawlConfig config;
    RunSettings settings;
    ProxyRoutes proxies;
    try {
      proxies = proxy != null ? ProxyRoutes.every(proxy) : ProxyRoutes.fromEnvironment(env.variables());
    } catch (IllegalArgumentException e) {
      return fail(ExitCodes.USAGE, "the environment's " + e.getMessage()
          + " (use --proxy URL, or NO_PROXY='*' to ignore the proxy variables)");
    }
    OptionFileReads reads = new OptionFileReads(env, stderr);
    String stdinClash = StdinReaders.rulesProblem(rules, urlFile, "the URL list"); // before tls.trust() reads stdin
    if (stdinClash == null) stdinClash = StdinReaders.caCertProblem(tls.caCerts, urlFile, "the URL list");
    if (stdinClash != null) return fail(ExitCodes.USAGE, stdinClash);
    try {
      OptionChecks.check(this);
      config = config(proxies, reads);
      settings = unattended.settings();
    } catch (OptionChecks.BadOption e) {
      return fail(ExitCodes.USAGE, e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(ExitCodes.USAGE, "invalid option: " + e.getMessage());
    }
    String tlsProblem = TlsOptions.trustStoreProblem(config.fetch().trust(), TlsWarmUp.listMayNeedTls(urlFile));
    if (tlsProblem != null) return fail(ExitCodes.USAGE, tlsProblem);
    PageParser parser;
    try {
      parser = rules == null ? new DefaultPageParser()
          : reads.during("--rules", List.of(rules), () -> RulesPageParser.load(rules));
    } catch (RulesException e) {
      return fail(ExitCodes.USAGE, e.getMessage());
    }
    RunWarnings warnings = warnings(config);
    boolean listDefaulted = !spec.commandLine().getParseResult().hasMatchedPositional(0);
    return new CrawlRun(config, parser, new RunRequest(urlFile, listDefaulted, out, quiet.length > 0, settings, rules,
        warnings.given()), env, stdin, stdout, stderr).execute();
  }

  /** The crawl's configuration from the options, the {@code --ca-cert} files read. */
  private CrawlConfig config(ProxyRoutes proxies, OptionFileReads reads) {
    CrawlConfig config = CrawlConfig.builder().mode(mode).concurrency(concurrency).timeout(timeout)
        .maxBytes(maxBytes).maxRedirects(maxRedirects).userAgent(userAgent).headers(headers).client(client).proxies(proxies)
        .politeness(politeness.politeness()).retry(politeness.retry()).breaker(politeness.breaker())
        .processes(workerOptions.settings(spec.commandLine().getParseResult(), concurrency)
            .withWarmTls(!tls.insecure && (mode != Mode.PROCESSES || TlsWarmUp.listMayNeedTls(urlFile)))).build();
    return config.withFetch(config.fetch().withTrust(reads.during("--ca-cert", tls.caCerts, tls::trust)));
  }

  /** The warnings about the options, printed now and kept for the run's log. */
  private RunWarnings warnings(CrawlConfig config) {
    RunWarnings warnings = new RunWarnings(stderr);
    warnings.serversUnchecked(config, tls.caCerts);
    warnings.jvmProxyPropertiesIgnored(config);
    warnings.workerOptionsIgnored(mode, spec.commandLine().getParseResult());
    warnings.bareSecondsThatLookLikeMilliseconds(spec.commandLine().getParseResult());
    return warnings;
  }

  private int fail(int code, String message) {
    CrawlLine.print(stderr, message);
    return code;
  }
}
