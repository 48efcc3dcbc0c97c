package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jaxen.BaseXPath;
import org.jaxen.DefaultNavigator;
import org.jaxen.JaxenException;
import org.jaxen.XPath;
import org.jaxen.util.SingleObjectIterator;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Lets jaxen evaluate XPath directly on jsoup's tree, with no copy into a W3C DOM. The XPath
 * nodes are jsoup's {@link Document}, {@link Element}s, {@link TextNode}s (CDATA included), {@link
 * DataNode}s (the text of {@code script} and {@code style}, which XPath sees as text), {@link
 * Comment}s, and {@link XPathAttribute}s for attributes. There are no namespaces: an element's
 * name is its tag name, and its local name the part after a colon ({@code svg:rect} is {@code
 * rect}), as in jsoup's own XPath support. Doctypes and XML declarations are not part of the tree.
 *
 * <p>Every step through the tree ({@link NodeChain}) counts against the evaluation's {@link Deadline}, so no
 * expression runs unbounded. Not thread-safe: one navigator per evaluation.
 */
final class JsoupNavigator extends DefaultNavigator {
  /** Steps between two looks at the clock: a step is tens of nanoseconds. */
  static final int CHECK_EVERY = 256;

  private final transient Deadline deadline;
  private final transient Map<Element, List<XPathAttribute>> attributes = new IdentityHashMap<>();

  JsoupNavigator(Deadline deadline) {
    this.deadline = deadline;
  }

  @Override
  public boolean isDocument(Object node) {
    return node instanceof Document;
  }

  @Override
  public boolean isElement(Object node) {
    return node instanceof Element && !(node instanceof Document);
  }

  @Override
  public boolean isAttribute(Object node) {
    return node instanceof XPathAttribute;
  }

  @Override
  public boolean isNamespace(Object node) {
    return false;
  }

  @Override
  public boolean isComment(Object node) {
    return node instanceof Comment;
  }

  @Override
  public boolean isText(Object node) {
    return NodeChain.isText(node);
  }

  @Override
  public boolean isProcessingInstruction(Object node) {
    return false;
  }

  @Override
  public String getElementName(Object element) {
    return localName(((Element) element).tagName());
  }

  @Override
  public String getElementQName(Object element) {
    return ((Element) element).tagName();
  }

  @Override
  public String getElementNamespaceUri(Object element) {
    return "";
  }

  @Override
  public String getAttributeName(Object attribute) {
    return localName(((XPathAttribute) attribute).attribute().getKey());
  }

  @Override
  public String getAttributeQName(Object attribute) {
    return ((XPathAttribute) attribute).attribute().getKey();
  }

  @Override
  public String getAttributeNamespaceUri(Object attribute) {
    return "";
  }

  @Override
  public String getAttributeStringValue(Object attribute) {
    return ((XPathAttribute) attribute).attribute().getValue();
  }

  @Override
  public String getTextStringValue(Object text) {
    return text instanceof DataNode data ? data.getWholeData() : ((TextNode) text).getWholeText();
  }

  @Override
  public String getCommentStringValue(Object comment) {
    return ((Comment) comment).getData();
  }

  /** The text of every text node under the element, in document order, as XPath defines it. */
  @Override
  public String getElementStringValue(Object element) {
    StringBuilder value = new StringBuilder();
    NodeTraversor.traverse((node, depth) -> {
      deadline.check();
      if (NodeChain.isText(node)) value.append(getTextStringValue(node));
    }, (Node) element);
    return value.toString();
  }

  @Override
  public String getNamespaceStringValue(Object namespace) {
    return null;
  }

  @Override
  public String getNamespacePrefix(Object namespace) {
    return null;
  }

  @Override
  public String translateNamespacePrefixToUri(String prefix, Object element) {
    return null;
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

  @Override
  public Iterator<?> getAttributeAxisIterator(Object node) {
    if (!isElement(node)) return Collections.emptyIterator();
    deadline.check();
    return attributes.computeIfAbsent((Element) node, JsoupNavigator::attributesOf).iterator();
  }

  /** One wrapper per attribute for the whole evaluation: jaxen tells nodes apart by identity. */
  private static List<XPathAttribute> attributesOf(Element element) {
    List<XPathAttribute> list = new ArrayList<>(element.attributesSize());
    for (Attribute attribute : element.attributes()) list.add(new XPathAttribute(element, attribute));
    return list;
  }

  private static String localName(String name) {
    return name.substring(name.indexOf(':') + 1);
  }
}
