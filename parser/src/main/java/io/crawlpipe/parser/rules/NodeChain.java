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
 * are not XPath nodes; nor is a text node right after another, which is part of the XPath text
 * node the first one starts ({@link #runText}). Not thread-safe.
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

  /** The text of one jsoup text node, as it is. */
  static String ownText(Node text) {
    return text instanceof DataNode data ? data.getWholeData() : ((TextNode) text).getWholeText();
  }

  /**
   * The text of the XPath text node that starts at {@code first}: its own and that of the jsoup text
   * nodes right after it ({@code <![CDATA[a]]>b} in SVG is two jsoup nodes, one XPath node).
   */
  static String runText(Node first) {
    Node next = first.nextSibling();
    if (!isText(next)) return ownText(first);
    StringBuilder text = new StringBuilder(ownText(first));
    for (; isText(next); next = next.nextSibling()) text.append(ownText(next));
    return text.toString();
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

  /** Skips doctypes and XML declarations, and text nodes that continue a run of text. */
  private Node skipNonXPath(Node node) {
    while (node != null && !isXPathNode(node)) node = step.apply(node);
    return node;
  }

  private static boolean isXPathNode(Node node) {
    if (isText(node)) return !isText(node.previousSibling());
    return node instanceof Element || node instanceof Comment;
  }
}
