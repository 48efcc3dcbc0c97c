package io.crawlpipe.parser.rules;

import org.jaxen.Context;
import org.jaxen.DefaultNavigator;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * What jsoup's nodes are in XPath's data model, for {@link JsoupNavigator}: their kinds, names and
 * string values. The XPath nodes are jsoup's {@link Document}, {@link Element}s, {@link TextNode}s
 * (CDATA included), {@link DataNode}s (the text of {@code script} and {@code style}, which XPath
 * sees as text), {@link Comment}s, and {@link XPathAttribute}s for attributes. There are no
 * namespaces: an element's name is its tag name, and its local name the part after a colon ({@code
 * svg:rect} is {@code rect}), as in jsoup's own XPath support. Reading a string value counts
 * against the evaluation's {@link Deadline}. Not thread-safe.
 */
abstract class JsoupNodes extends DefaultNavigator {
  final transient Deadline deadline;

  JsoupNodes(Deadline deadline) {
    this.deadline = deadline;
  }

  /** The deadline of an evaluation by a {@link JsoupNavigator}; {@link Deadline#never} for another. */
  static Deadline deadlineOf(Context context) {
    return context.getNavigator() instanceof JsoupNodes nodes ? nodes.deadline : Deadline.never();
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

  /* String values count against the deadline: comparing two node-sets reads every pair. */

  @Override
  public String getAttributeStringValue(Object attribute) {
    deadline.check();
    return ((XPathAttribute) attribute).attribute().getValue();
  }

  /** A run of adjacent jsoup text nodes (text and CDATA) is one XPath text node: the run's text. */
  @Override
  public String getTextStringValue(Object text) {
    deadline.check();
    return NodeChain.runText((Node) text);
  }

  @Override
  public String getCommentStringValue(Object comment) {
    deadline.check();
    return ((Comment) comment).getData();
  }

  /** The text of every text node under the element, in document order, as XPath defines it. */
  @Override
  public String getElementStringValue(Object element) {
    StringBuilder value = new StringBuilder();
    NodeTraversor.traverse((node, depth) -> {
      deadline.check();
      if (NodeChain.isText(node)) value.append(NodeChain.ownText(node));
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

  private static String localName(String name) {
    return name.substring(name.indexOf(':') + 1);
  }
}
