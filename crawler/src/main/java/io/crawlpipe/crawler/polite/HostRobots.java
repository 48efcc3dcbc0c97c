package io.crawlpipe.crawler.polite;

import io.crawlpipe.store.ErrorType;
import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Objects;

/**
 * A host's robots.txt verdict for the run: the rules, the reason given to a URL they disallow
 * (which says whether robots.txt disallowed it or could not be read at all) and the error type
 * that URL ends with: {@code robots_disallowed}, or the transport error (e.g. {@code connect})
 * when robots.txt got no answer, because then the host itself is the problem. Immutable.
 */
record HostRobots(BaseRobotRules rules, String disallowedBecause, ErrorType refusal) {
  HostRobots {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(disallowedBecause, "disallowedBecause");
    Objects.requireNonNull(refusal, "refusal");
  }

  HostRobots(BaseRobotRules rules, String disallowedBecause) {
    this(rules, disallowedBecause, ErrorType.ROBOTS_DISALLOWED);
  }

  boolean isAllowed(String url) {
    return rules.isAllowed(url);
  }

  /**
   * Ends {@code task}, whose current URL these rules refuse, without a request: {@link #refusal},
   * with the reason, naming the redirect that led there if one did. On the scheduler's loop.
   */
  void refuse(FetchTask task) {
    task.refuse(refusal, (task.hops() > 0 ? "redirected to " + task.currentUrl() + ", " : "") + disallowedBecause);
  }

  /** The crawl delay the rules ask for, or zero. */
  Duration crawlDelay() {
    long ms = rules.getCrawlDelay();
    return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }
}
