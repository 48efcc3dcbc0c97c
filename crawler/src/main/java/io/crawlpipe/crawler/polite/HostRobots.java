package io.crawlpipe.crawler.polite;

import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Objects;

/**
 * A host's robots.txt verdict for the run: the rules, and the reason given to a URL they disallow
 * (which says whether robots.txt disallowed it or could not be read at all). Immutable.
 */
record HostRobots(BaseRobotRules rules, String disallowedBecause) {
  HostRobots {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(disallowedBecause, "disallowedBecause");
  }

  boolean isAllowed(String url) {
    return rules.isAllowed(url);
  }

  /** The crawl delay the rules ask for, or zero. */
  Duration crawlDelay() {
    long ms = rules.getCrawlDelay();
    return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }
}
