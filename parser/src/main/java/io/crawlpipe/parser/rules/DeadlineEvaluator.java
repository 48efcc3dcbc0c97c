package io.crawlpipe.parser.rules;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * Matches every element and counts each one it is asked about against a {@link Deadline}. Combined
 * first in an {@code And} with a CSS selector's evaluator (its cost is the lowest, so jsoup asks it
 * before any other), it bounds the selector's walk over a page: every element jsoup visits costs
 * one unit. One element's own match (a {@code :has()} search of its subtree) is not divided
 * further. Made for one evaluation; not thread-safe, as the deadline is not.
 */
final class DeadlineEvaluator extends Evaluator {
  private final Deadline deadline;

  DeadlineEvaluator(Deadline deadline) {
    this.deadline = deadline;
  }

  /**
   * @throws Deadline.Expired when the deadline has passed
   */
  @Override
  public boolean matches(Element root, Element element) {
    deadline.check();
    return true;
  }

  @Override
  protected int cost() {
    return 0;
  }

  @Override
  public String toString() {
    return "";
  }
}
