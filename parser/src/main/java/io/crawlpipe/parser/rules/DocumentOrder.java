package io.crawlpipe.parser.rules;

import java.util.Comparator;
import org.jaxen.Context;
import org.jsoup.nodes.Node;

/**
 * XPath's document order over the nodes of a {@link JsoupNavigator}: a node comes before its
 * descendants, an element's attributes come after it and before its children, in the order they
 * are written, and siblings compare by jsoup's sibling index. A comparison costs the nodes' depth,
 * whatever the number of siblings (jaxen's own order walks from one sibling to the other, which
 * makes sorting a page's {@code //div} quadratic). Each step up the tree counts against the
 * evaluation's {@link Deadline}, so a sort of many nodes on a very deep page is bounded too. Not
 * thread-safe (the deadline is not); the nodes must be of one tree that nothing changes while they
 * are compared.
 */
final class DocumentOrder implements Comparator<Object> {
  private final Deadline deadline;

  DocumentOrder(Deadline deadline) {
    this.deadline = deadline;
  }

  /** The order for an evaluation by a {@link JsoupNavigator}, counting against its deadline. */
  static DocumentOrder of(Context context) {
    return new DocumentOrder(JsoupNodes.deadlineOf(context));
  }
  @Override
  public int compare(Object a, Object b) {
    if (a == b) return 0;
    Node nodeA = owner(a);
    Node nodeB = owner(b);
    if (nodeA == nodeB) return Integer.compare(rank(a), rank(b));
    int depthA = depth(nodeA);
    int depthB = depth(nodeB);
    Node upA = nodeA;
    Node upB = nodeB;
    for (; depthA > depthB; depthA--) upA = up(upA);
    for (; depthB > depthA; depthB--) upB = up(upB);
    if (upA == upB) return nodeA == upA ? -1 : 1; // one is the other's ancestor, or its attribute's
    while (upA.parent() != upB.parent()) {
      upA = up(upA);
      upB = up(upB);
    }
    return Integer.compare(upA.siblingIndex(), upB.siblingIndex());
  }

  /** The node itself, or an attribute's element. */
  private static Node owner(Object node) {
    return node instanceof XPathAttribute attribute ? attribute.owner() : (Node) node;
  }

  /** Among a node and its attributes: the node first, then the attributes as written. */
  private static int rank(Object node) {
    return node instanceof XPathAttribute attribute ? attribute.index() : -1;
  }

  private int depth(Node node) {
    int depth = 0;
    for (Node parent = node.parent(); parent != null; parent = up(parent)) depth++;
    return depth;
  }

  private Node up(Node node) {
    deadline.check();
    return node.parent();
  }
}
