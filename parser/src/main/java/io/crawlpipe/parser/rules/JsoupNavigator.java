package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jaxen.BaseXPath;
import org.jaxen.JaxenException;
import org.jaxen.UnsupportedAxisException;
import org.jaxen.XPath;
import org.jaxen.util.SingleObjectIterator;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

/**
 * Lets jaxen evaluate XPath directly on jsoup's tree, with no copy into a W3C DOM: the axes
 * between the nodes {@link JsoupNodes} describes. Doctypes and XML declarations are not part of
 * the tree.
 *
 * <p>Every step through the tree ({@link NodeChain}) counts against the evaluation's {@link
 * Deadline}, so no expression runs unbounded. Not thread-safe: one navigator per evaluation.
 */
final class JsoupNavigator extends JsoupNodes {
  /** Steps between two looks at the clock: a step is tens of nanoseconds. */
  static final int CHECK_EVERY = 256;

  private final transient Map<Element, List<XPathAttribute>> attributes = new IdentityHashMap<>();
  private transient Map<String, Element> ids; // the document's, found or built on the first id() call

  JsoupNavigator(Deadline deadline) {
    super(deadline);
  }

  @Override
  public XPath parseXPath(String xpath) throws JaxenException {
    return new BaseXPath(xpath, this);
  }

  @Override
  public Object getDocumentNode(Object node) {
    Node n = node instanceof XPathAttribute a ? a.owner() : (Node) node;
    Document document = n.ownerDocument();
    return document != null ? document : n.root();
  }

  @Override
  public Object getParentNode(Object node) {
    return node instanceof XPathAttribute a ? a.owner() : ((Node) node).parent();
  }

  @Override
  public Iterator<?> getParentAxisIterator(Object node) {
    Object parent = getParentNode(node);
    return parent == null ? Collections.emptyIterator() : new SingleObjectIterator(parent);
  }

  @Override
  public Iterator<?> getChildAxisIterator(Object node) {
    if (!(node instanceof Element parent) || parent.childNodeSize() == 0) return Collections.emptyIterator();
    return new NodeChain(parent.childNode(0), Node::nextSibling, deadline);
  }

  @Override
  public Iterator<?> getFollowingSiblingAxisIterator(Object node) {
    if (!(node instanceof Node n)) return Collections.emptyIterator();
    return new NodeChain(n.nextSibling(), Node::nextSibling, deadline);
  }

  /** Nearest sibling first, as a reverse axis is numbered. */
  @Override
  public Iterator<?> getPrecedingSiblingAxisIterator(Object node) {
    if (!(node instanceof Node n)) return Collections.emptyIterator();
    return new NodeChain(n.previousSibling(), Node::previousSibling, deadline);
  }

  /** Nearest first, as a reverse axis is numbered; from an attribute, its element first. */
  @Override
  public Iterator<?> getAncestorAxisIterator(Object node) {
    Node parent = node instanceof XPathAttribute attribute ? attribute.owner() : ((Node) node).parent();
    return new NodeChain(parent, Node::parent, deadline);
  }

  @Override
  public Iterator<?> getAncestorOrSelfAxisIterator(Object node) {
    if (node instanceof XPathAttribute) return Stream.concat(Stream.of(node), stream(getAncestorAxisIterator(node))).iterator();
    return new NodeChain((Node) node, Node::parent, deadline);
  }

  /** From an attribute: its element's descendants, then what follows the element. */
  @Override
  public Iterator<?> getFollowingAxisIterator(Object node) throws UnsupportedAxisException {
    if (!(node instanceof XPathAttribute attribute)) return super.getFollowingAxisIterator(node);
    Iterator<?> descendants = getDescendantAxisIterator(attribute.owner());
    Iterator<?> following = super.getFollowingAxisIterator(attribute.owner());
    return Stream.concat(stream(descendants), stream(following)).iterator();
  }

  /** From an attribute: what precedes its element (the element itself is an ancestor). */
  @Override
  public Iterator<?> getPrecedingAxisIterator(Object node) throws UnsupportedAxisException {
    return super.getPrecedingAxisIterator(node instanceof XPathAttribute attribute ? attribute.owner() : node);
  }

  /** A page as jsoup parses it, HTML or XML, has no namespace nodes (and rules may not name the axis). */
  @Override
  public Iterator<?> getNamespaceAxisIterator(Object node) {
    return Collections.emptyIterator();
  }

  /**
   * {@code id('main')}: the first element in document order with that id, or null. The index is
   * built once per page and kept with its document (as jsoup user data, which is never written
   * out), so an {@code items} field whose sub-field calls {@code id()} walks the page once, not
   * once per item. A walk cut short by the deadline keeps nothing.
   */
  @Override
  public Object getElementById(Object node, String id) {
    if (ids == null) {
      Node root = (Node) getDocumentNode(node);
      if (root instanceof Element holder && holder.attributes().userData(ID_INDEX) instanceof IdIndex index) {
        ids = index.byId();
      } else {
        ids = indexIds(root);
        if (root instanceof Element holder) holder.attributes().userData(ID_INDEX, new IdIndex(ids));
      }
    }
    return ids.get(id);
  }

  private Map<String, Element> indexIds(Node root) {
    Map<String, Element> byId = new HashMap<>();
    NodeTraversor.traverse((n, depth) -> {
      deadline.check();
      if (n instanceof Element e && e.hasAttr("id")) byId.putIfAbsent(e.attr("id"), e);
    }, root);
    return byId;
  }

  /** The user-data key of a document's id index. */
  private static final String ID_INDEX = "crawlpipe.ids";

  /** A document's elements by id, the first of each in document order. */
  private record IdIndex(Map<String, Element> byId) {}

  @Override
  public Iterator<?> getAttributeAxisIterator(Object node) {
    if (!isElement(node)) return Collections.emptyIterator();
    deadline.check();
    return attributes.computeIfAbsent((Element) node, JsoupNavigator::attributesOf).iterator();
  }

  /** One wrapper per attribute for the whole evaluation: jaxen tells nodes apart by identity. */
  private static List<XPathAttribute> attributesOf(Element element) {
    List<XPathAttribute> list = new ArrayList<>(element.attributesSize());
    for (Attribute attribute : element.attributes()) list.add(new XPathAttribute(element, attribute, list.size()));
    return list;
  }

  private static Stream<Object> stream(Iterator<?> iterator) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
  }
}
