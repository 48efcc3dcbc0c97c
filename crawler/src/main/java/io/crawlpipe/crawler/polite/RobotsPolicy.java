package io.crawlpipe.crawler.polite;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.BaseRobotsParser;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.crawlpipe.crawler.DurationText;
import io.crawlpipe.crawler.LogText;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the outcome of one robots.txt fetch into the rules for its host (crawler-commons), read
 * once ({@link #read}) and given to each host whose robots.txt led there, its own or redirected
 * ({@link #verdict}):
 * <ul>
 *   <li>2xx: parsed for our product token (the User-Agent up to its first {@code /} or space,
 *       lower case: {@link ProductToken}), falling back to the {@code *} group;
 *   <li>any other status below 500 except 429 (404, 403, 410, ...): allow all;
 *   <li>429 or 5xx: disallow all, for the run ({@code robots_disallowed});
 *   <li>no response at all: no URL of the host is fetched this run either, and each ends with the
 *       robots.txt fetch's own error type ({@code connect}, {@code dns}, {@code timeout}, ...), since
 *       the host, not its rules, is what failed;
 *   <li>an answer that could not be turned into rules (a bug: the parser threw, the heap could not
 *       hold the body; see {@link #unreadable}), or rules that threw when the host took them ({@link
 *       #unusable}): likewise not crawled, each URL ending {@code internal}.
 * </ul>
 * A {@code Crawl-delay} above {@link #MAX_CRAWL_DELAY} disallows the whole host (as crawler-commons
 * does by default: honouring it could take hours per host, ignoring it would be rude). Each verdict
 * carries the reason a disallowed URL is given.
 *
 * <p>Not thread-safe (the parser counts warnings): used on the scheduler's event loop only.
 */
final class RobotsPolicy {
  private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
  /** The longest {@code Crawl-delay} honoured. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
  private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
  private static final BaseRobotRules ALLOW_NONE = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);

  private final BaseRobotsParser parser;
  private final List<String> robotNames;

  /** The policy for {@code userAgent}, with crawler-commons' parser accepting any Crawl-delay (the limit and its message are ours). */
  RobotsPolicy(String userAgent) {
    this(userAgent, new SimpleRobotRulesParser(Long.MAX_VALUE, 5));
  }

  /** The policy for {@code userAgent} reading 2xx bodies with {@code parser}, which it then owns (neither null). */
  RobotsPolicy(String userAgent, BaseRobotsParser parser) {
    this.robotNames = List.of(ProductToken.of(Objects.requireNonNull(userAgent, "userAgent")));
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /** Rules that allow everything, for {@code --ignore-robots}. */
  static HostRobots allowAll() {
    return new HostRobots(ALLOW_ALL, "");
  }

  /** The verdict for the host whose robots.txt at {@code robotsUrl} ended with {@code result} or {@code error}. */
  HostRobots rules(String robotsUrl, FetchResult result, Throwable error) {
    return verdict(robotsUrl, read(robotsUrl, result, error));
  }

  /**
   * Reads the answer a robots.txt fetch ended with at {@code lastUrl} (the robots.txt, or where its
   * redirects led): {@code result}, or {@code error} when there was none. Parses a 2xx body once;
   * {@link #verdict} then makes each host's verdict from it. Throws only on a bug (the parser's, or
   * an {@link Error} such as a body the heap cannot hold): the caller then takes {@link #unreadable}
   * as the answer, so that the host's URLs never wait for rules that never come.
   */
  RobotsAnswer read(String lastUrl, FetchResult result, Throwable error) {
    if (result == null) {
      if (!(error instanceof FetchException)) return unfetched(lastUrl, error);
      if (log.isDebugEnabled()) {
        log.debug("robots.txt unreachable, host not crawled this run (its URLs get this error) url={} error={}",
            LogText.printable(lastUrl), LogText.quoted(FailureText.ofFetch(error)));
      }
      return new RobotsAnswer(lastUrl, ALLOW_NONE, "could not be fetched (" + FailureText.ofFetch(error)
          + "), so the host is not crawled this run", ((FetchException) error).type());
    }
    int status = result.status();
    if (status >= 500 || status == 429) {
      log.debug("robots.txt failed, host disallowed url={} status={}", LogText.printable(lastUrl), status);
      return new RobotsAnswer(lastUrl, ALLOW_NONE, "answered " + status + ", so the host is disallowed for this run",
          ErrorType.ROBOTS_DISALLOWED);
    }
    if (!result.isSuccessful()) {
      log.debug("robots.txt loaded url={} status={}: no rules, everything allowed", LogText.printable(lastUrl), status);
      return RobotsAnswer.rules(lastUrl, ALLOW_ALL);
    }
    BaseRobotRules rules = parser.parseContent(lastUrl, result.body(), "text/plain", robotNames);
    if (rules.getCrawlDelay() > MAX_CRAWL_DELAY.toMillis()) {
      log.debug("robots.txt loaded url={} status={}: Crawl-delay {} s too long, host disallowed",
          LogText.printable(lastUrl), status, rules.getCrawlDelay() / 1000);
      return new RobotsAnswer(lastUrl, ALLOW_NONE, "asks for a Crawl-delay of " + rules.getCrawlDelay() / 1000
          + " s, more than the " + MAX_CRAWL_DELAY.toSeconds() + " s honoured, so the host is disallowed for this run",
          ErrorType.ROBOTS_DISALLOWED);
    }
    if (log.isDebugEnabled()) logLoaded(lastUrl, status, rules);
    return RobotsAnswer.rules(lastUrl, rules);
  }

  /**
   * The verdict for the host whose robots.txt at {@code robotsUrl} ended with {@code answer}: its
   * own, or, redirected, another's. A reason names the robots.txt and, when the answer was a
   * problem and came from elsewhere, the URL it came from, which is what failed. Never throws.
   */
  HostRobots verdict(String robotsUrl, RobotsAnswer answer) {
    if (answer.problem() == null) {
      return new HostRobots(answer.rules(), "disallowed by " + robotsUrl + " for " + robotNames.getFirst());
    }
    return new HostRobots(answer.rules(), source(robotsUrl, answer.lastUrl()) + " " + answer.problem(),
        answer.refusal());
  }

  /**
   * The answer of the robots.txt at {@code robotsUrl} that ended at {@code lastUrl} (the same URL
   * when it was not redirected) but could not be read because of {@code failure}: a bug, such as
   * the parser throwing on odd input, or a body the heap could not hold. As for a robots.txt that
   * got no answer, the host is not crawled this run; its URLs end {@code internal}, with the reason
   * naming the robots.txt and the failure. Logs a WARN line naming the robots.txt (the stack trace
   * at DEBUG). Stateless: any thread; no argument may be null.
   */
  static RobotsAnswer unreadable(String robotsUrl, String lastUrl, Throwable failure) {
    String described = FailureText.of(failure);
    log.warn("robots.txt answer could not be turned into rules, host not crawled this run (its URLs fail as internal)"
        + " url={} error={}", LogText.printable(robotsUrl), LogText.quoted(described));
    try {
      log.debug("robots.txt rules failure", failure);
    } catch (RuntimeException e) {
      log.debug("robots.txt rules failure: {} (no stack trace: reading it failed too)", described);
    }
    return new RobotsAnswer(lastUrl, ALLOW_NONE, "could not be turned into rules (" + described
        + "), so the host is not crawled this run", ErrorType.INTERNAL);
  }

  /**
   * The answer of a robots.txt fetch at {@code lastUrl} that failed with {@code failure}, not a
   * {@link FetchException}: a bug, or a TLS set-up the JVM cannot make (its trust store could not be
   * loaded), not the host. As for {@link #unreadable}: the host is not crawled this run, its URLs end
   * {@code internal} with the failure's message (no Java class name), and a WARN line names the
   * robots.txt (the stack trace at DEBUG). Stateless: any thread; no argument may be null.
   */
  static RobotsAnswer unfetched(String lastUrl, Throwable failure) {
    String described = FailureText.of(failure);
    log.warn("robots.txt could not be fetched, host not crawled this run (its URLs fail as internal) url={} error={}",
        LogText.printable(lastUrl), LogText.quoted(described));
    log.debug("robots.txt fetch failure", failure);
    String message = failure.getMessage() == null || failure.getMessage().isBlank() ? described : failure.getMessage();
    return new RobotsAnswer(lastUrl, ALLOW_NONE, "could not be fetched (internal: " + message
        + "), so the host is not crawled this run", ErrorType.INTERNAL);
  }

  /**
   * The verdict for the host whose robots.txt at {@code robotsUrl} was read, but whose verdict
   * could not be made or taken from that answer because of {@code failure}: a bug, such as the
   * rules' own code throwing when the host took them. As for {@link #unreadable}, which logs the
   * WARN line: the host is not crawled this run; its URLs end {@code internal}, with the reason
   * naming the robots.txt and the failure. Stateless: any thread; no argument may be null.
   */
  static HostRobots unusable(String robotsUrl, Throwable failure) {
    RobotsAnswer answer = unreadable(robotsUrl, robotsUrl, failure);
    return new HostRobots(answer.rules(), robotsUrl + " " + answer.problem(), answer.refusal());
  }

  /**
   * The answer of a robots.txt fetch whose next request, to {@code lastUrl} (or the robots.txt
   * it shares there), will not be made: {@code failure}, a bug in an event of that URL's host,
   * failed what waited for the host ({@link HostGuard}). As for a robots.txt that got no answer,
   * the host is not crawled this run; its URLs end {@code internal}, with the reason naming the
   * failure. Stateless: any thread; no argument may be null.
   */
  static RobotsAnswer stranded(String lastUrl, Throwable failure) {
    return new RobotsAnswer(lastUrl, ALLOW_NONE, "could not be fetched (host scheduler failed: "
        + FailureText.of(failure) + "), so the host is not crawled this run", ErrorType.INTERNAL);
  }

  /** What a reason names: the robots.txt, or it and the redirect's target, which is what failed. */
  private static String source(String robotsUrl, String lastUrl) {
    return lastUrl.equals(robotsUrl) ? robotsUrl : robotsUrl + " redirected to " + lastUrl + ", which";
  }

  /** The {@code -v} line of robots.txt rules that apply: how many there are for us, the Crawl-delay taken. */
  private static void logLoaded(String url, int status, BaseRobotRules rules) {
    String mode = rules.isAllowNone() ? "everything disallowed" : rules.isAllowAll() ? "everything allowed"
        : (rules instanceof SimpleRobotRules simple ? simple.getRobotRules().size() : "some") + " rules";
    long delayMs = rules.getCrawlDelay();
    log.debug("robots.txt loaded url={} status={}: {}, Crawl-delay {}", LogText.printable(url), status, mode,
        delayMs <= 0 ? "none" : DurationText.format(Duration.ofMillis(delayMs)));
  }
}
