package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.ProxyProperties;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.rules.RulesPageParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.ParseResult;

/**
 * The {@code crawl: warning:} lines about options that will not do what they seem to: each is one
 * line on stderr, and none changes the exit code; {@link #given} keeps them for the log file, which
 * is not open yet ({@link RunLog}). Used by one thread. {@link #noRuleMatched} only words its
 * warning, which the run prints at its end.
 */
final class RunWarnings {
  private final PrintStream stderr;
  private final List<String> given = new ArrayList<>();

  RunWarnings(PrintStream stderr) {
    this.stderr = stderr;
  }

  /** The warnings printed so far, without their {@code crawl: warning: } prefix. */
  List<String> given() {
    return List.copyOf(given);
  }

  private void warn(String warning) {
    CrawlLine.print(stderr, "warning: " + warning);
    given.add(warning);
  }

  /** The JVM's proxy properties are OkHttp's way to a proxy; http1 goes direct unless told otherwise. */
  void jvmProxyPropertiesIgnored(CrawlConfig config) {
    List<String> properties = ProxyProperties.hostsSet(System.getProperties());
    if (config.fetch().client() == FetchClient.HTTP1 && config.fetch().proxies().isDirect() && !properties.isEmpty()) {
      warn(String.join(", ", properties) + " is set, but --client http1 ignores the JVM's"
          + " proxy properties; use --proxy URL, or --client okhttp, to crawl through the proxy");
    }
  }

  /**
   * {@code --insecure} turns off what keeps a crawl from talking to an impostor: said once, at the
   * start, with the {@code --ca-cert} files it makes pointless.
   */
  void serversUnchecked(CrawlConfig config, List<Path> caCerts) {
    if (!config.fetch().trust().insecure()) return;
    warn("--insecure: server certificates and host names are not checked"
        + (caCerts.isEmpty() ? "" : "; --ca-cert is ignored"));
  }

  /** The worker options only shape --mode processes; given with another mode they would be silently ignored. */
  void workerOptionsIgnored(Mode mode, ParseResult parsed) {
    if (mode == Mode.PROCESSES) return;
    List<String> options = Stream.of("--workers", "--worker-heap", "--max-tasks-per-worker")
        .filter(parsed::hasMatchedOption).toList();
    if (!options.isEmpty()) {
      warn(String.join(", ", options) + (options.size() == 1 ? " only applies" : " only apply")
          + " to --mode processes; ignored with --mode "
          + mode.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Bare numbers are seconds: {@code --delay 500} or {@code --timeout 30000}, written as if in
   * milliseconds, would wait minutes or hours between or for requests. Above these, a bare number
   * is named in both units (a unit, {@code 500s}, says it is meant).
   */
  private static final Map<String, Long> BARE_SECONDS_ABOVE = Map.of("--delay", 60L, "--retry-backoff", 60L,
      "--timeout", 600L);

  /** Warns of a duration option given as a bare number of seconds longer than anyone would mean. */
  void bareSecondsThatLookLikeMilliseconds(ParseResult parsed) {
    BARE_SECONDS_ABOVE.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(option -> {
      if (!parsed.hasMatchedOption(option.getKey())) return;
      String value = parsed.matchedOption(option.getKey()).stringValues().getLast().strip();
      if (!value.matches("\\d+(\\.\\d+)?") || Double.parseDouble(value) <= option.getValue()) return;
      warn(option.getKey() + " " + value + " is " + value + " seconds (" + hoursMinutesSeconds(Durations.parse(value))
          + "); for milliseconds write " + value + "ms");
    });
  }

  /** {@code 8 min 20 s}, {@code 8 h 20 min}: what a number of seconds comes to. */
  private static String hoursMinutesSeconds(Duration d) {
    long s = d.toSeconds();
    String spelled = (s >= 3600 ? " " + s / 3600 + " h" : "") + (s % 3600 >= 60 ? " " + s % 3600 / 60 + " min" : "")
        + (s % 60 > 0 ? " " + s % 60 + " s" : "");
    return spelled.strip();
  }

  /**
   * The warning for a run in which pages were parsed but none matched a rule of {@code rules} (most
   * likely a url pattern for another host, scheme or port), or null when some did or none was parsed.
   */
  static String noRuleMatched(RulesPageParser parser, Path rules) {
    long pages = parser.pagesParsed();
    if (pages == 0 || parser.pagesMatched() > 0) return null;
    return "no page matched a rule of " + rules + " (" + pages + (pages == 1 ? " page" : " pages")
        + "); a rule's \"url\" must match the final URL, scheme and port included";
  }

  /**
   * The warning for {@code --resume} that found no earlier results at {@code out} (nor its
   * temporary file), so the whole list is crawled; a name with a placeholder is likelier the
   * cause ({@code {date}} is today's, not the interrupted night's). Null when something was found.
   */
  static String nothingToResume(boolean found, Path out, String outAsGiven, boolean append) {
    if (found) return null;
    boolean dated = outAsGiven.indexOf('{') >= 0;  // a placeholder: an unknown one was refused
    return "--resume: no earlier results at " + out + (append ? "" : " (nor its .partial)") + "; crawling the whole list"
        + (dated ? " (" + outAsGiven + " names this run's file: to finish an earlier run's, give its name)" : "");
  }

  /**
   * The warning for {@code --resume} that crawled nothing because every URL of the list already
   * had a line: a crontab that keeps {@code --resume} on a fixed {@code --out} refreshes nothing
   * after the first complete night. Null when something was crawled or nothing was skipped.
   */
  static String everythingResumed(long alreadyDone, long crawled, String out) {
    if (crawled > 0 || alreadyDone == 0) return null;
    return "--resume: every URL of the list already has a line in " + out + "; nothing was crawled"
        + " (--resume finishes an interrupted run; a new run is without it)";
  }

  /**
   * The warning for {@code --resume} whose earlier file holds finished lines of URLs that are not
   * in this list (the list changed since the interrupted run): they stay in the file and count, so
   * the file no longer has one line per line of the list. {@code foreign} is the number of
   * distinct such URLs; null when there are none.
   */
  static String keptLinesNotInList(long foreign, String out) {
    if (foreign <= 0) return null;
    return "--resume: " + out + " keeps " + foreign + (foreign == 1 ? " finished line of a URL" : " finished lines of URLs")
        + " not in this list (was the list changed?); they stay in the file and count in the summary";
  }

  /**
   * A list read to its end that held no URL line (perhaps a producer that failed without a word):
   * the run is complete (exit 0), and only this says that the results file it replaced now holds
   * no line. Null when the list held a URL, when an earlier run's lines were kept (--resume), or
   * when no file was replaced (a stream, a device, {@code --append}).
   */
  static String emptyList(long distinct, ResultOutput output) {
    if (distinct > 0 || output.resumedLines() > 0 || !output.replacesTarget()) return null;
    return "the list held no URL, so " + output.name() + " now holds no result line";
  }
}
