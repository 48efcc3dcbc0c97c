package io.crawlpipe.parser.rules;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The XPath nodes ({@link JsoupNavigator}) along a chain of jsoup siblings, from {@code first}
 * on, each step counted against a {@link Deadline}. Doctypes and XML declarations are skipped: they
 * are not XPath nodes. Not thread-safe.
 */
final class NodeChain implements Iterator<Node> {
  private final UnaryOperator<Node> step;
  private final Deadline deadline;
  private Node next;

  /** The chain from {@code first} (null: empty), stepping with {@code step} (next or previous sibling). */
  NodeChain(Node first, UnaryOperator<Node> step, Deadline deadline) {
    this.step = step;
    this.deadline = deadline;
    this.next = skipNonXPath(first);
  }

  /** A text node in XPath's sense: text, CDATA, or the data of a {@code script} or {@code style}. */
  static boolean isText(Object node) {
    return node instanceof TextNode || node instanceof DataNode;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  /**
   * @throws Deadline.Expired when the deadline has passed
   */
  @Override
  public Node next() {
    if (next == null) throw new NoSuchElementException();
    deadline.check();
    Node current = next;
    next = skipNonXPath(step.apply(current));
    return current;
  }

  private Node skipNonXPath(Node node) {
    while (node != null && !(node instanceof Element || isText(node) || node instanceof Comment)) {
      node = step.apply(node);
    }
    return node;
  }
}
