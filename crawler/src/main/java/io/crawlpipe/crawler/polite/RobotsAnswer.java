package io.crawlpipe.crawler.polite;

import crawlercommons.robots.BaseRobotRules;
import io.crawlpipe.store.ErrorType;
import java.util.Objects;

/**
 * What one robots.txt fetch ended with, read once ({@link RobotsPolicy#read}): the URL whose answer
 * it was, the rules it gives, and, when the host is not crawled as those rules say but refused
 * because of the answer itself ({@code answered 503}, {@code could not be fetched}, ...), that
 * {@code problem} and the error type it refuses URLs with. Each host whose robots.txt led here, its
 * own or by a redirect, gets its verdict from it ({@link RobotsPolicy#verdict}), so a robots.txt
 * that several hosts redirect to is read once for all of them. Immutable.
 *
 * @param lastUrl the URL that gave the answer: the robots.txt, or where its redirects led
 * @param rules the rules the answer gives (allowing nothing when {@code problem} is not null)
 * @param problem what kept the answer from giving rules, as said of {@code lastUrl} ("answered 503,
 *     so the host is disallowed for this run"); null when the rules are the robots.txt's own
 * @param refusal the error type of a URL the rules refuse
 */
record RobotsAnswer(String lastUrl, BaseRobotRules rules, String problem, ErrorType refusal) {
  RobotsAnswer {
    Objects.requireNonNull(lastUrl, "lastUrl");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(refusal, "refusal");
    if (problem == null && refusal != ErrorType.ROBOTS_DISALLOWED) {
      throw new IllegalArgumentException("rules with no problem refuse as robots_disallowed, not " + refusal.code());
    }
  }

  /** An answer whose rules apply as they are (a 2xx parsed, or a status that allows everything). */
  static RobotsAnswer rules(String lastUrl, BaseRobotRules rules) {
    return new RobotsAnswer(lastUrl, rules, null, ErrorType.ROBOTS_DISALLOWED);
  }
}
