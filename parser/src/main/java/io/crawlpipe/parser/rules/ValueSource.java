package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.Whitespace;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * What a css or xpath field reads from each selected node: {@code text} (the default: the text
 * of the element and its descendants as jsoup's {@code Element.text()} joins it, each run of
 * {@link Whitespace} made one space and none at either end, in every element, the {@code pre},
 * {@code textarea} and {@code title} whose whitespace jsoup keeps included), {@code whole_text}
 * (the text as written, line breaks kept: jsoup's {@code Element.wholeText()}, a {@code <br>} a line
 * feed, each CR LF and lone CR made a line feed), {@code own_text} (the element's own text nodes,
 * normalised as {@code text} is); for an element whose content is data, which jsoup's text leaves
 * out ({@code script}, {@code style}), these three read that data instead, {@code whole_text} as it
 * is but for its line feeds; {@code html} (outer HTML), {@code
 * inner_html}, {@code attr:NAME} or {@code abs:NAME} (the attribute resolved to an absolute URL
 * against the page URL, an http(s) one written as a browser writes it: {@link UrlNormaliser}). The other nodes XPath may select read the same whatever the {@code
 * value}: a {@code text()} node as its text, whitespace normalised as {@code text} is; the text of a {@code script} or
 * {@code style} as it is; an attribute ({@code @href}) as its value. Comments have no value.
 * Immutable.
 *
 * @param kind one of the forms above, without the attribute name
 * @param attribute the attribute name for {@code attr:} and {@code abs:}, else null
 */
record ValueSource(String kind, String attribute) {
  static final ValueSource TEXT = new ValueSource("text", null);

  /**
   * Parses a {@code value} option.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static ValueSource parse(String value) {
    switch (value) {
      case "text", "whole_text", "own_text", "html", "inner_html" -> {
        return new ValueSource(value, null);
      }
      default -> {
        int colon = value.indexOf(':');
        String kind = colon < 0 ? value : value.substring(0, colon);
        String name = colon < 0 ? "" : value.substring(colon + 1).strip();
        if ((kind.equals("attr") || kind.equals("abs")) && !name.isEmpty()) return new ValueSource(kind, name);
        throw new IllegalArgumentException(
            "\"value\" must be text, whole_text, own_text, html, inner_html, attr:NAME or abs:NAME, was "
                + Snippet.quoted(value));
      }
    }
  }

  /**
   * The node's value, or null when the attribute is missing or cannot be made absolute (for an
   * http(s) URL: has no valid host or port). The nodes the value is built from count against
   * {@code deadline} first, one unit each (an element's subtree for its text or HTML, its children
   * for {@code own_text}, the node alone otherwise): the text of each of many nested elements costs
   * time that grows with the square of their number.
   *
   * @throws Deadline.Expired when the deadline passes before the value is built
   */
  String read(Object node, Deadline deadline) {
    deadline.check();
    if (node instanceof TextNode text) return Whitespace.collapse(new TextNode(NodeChain.runText(text)).text());
    if (node instanceof DataNode data) return NodeChain.runText(data);
    if (node instanceof XPathAttribute attribute) return attribute.attribute().getValue();
    if (!(node instanceof Element e)) return null;
    countWalk(e, deadline);
    return switch (kind) {
      case "text", "whole_text", "own_text" -> text(e);
      case "html" -> e.outerHtml();
      case "inner_html" -> e.html();
      case "attr" -> e.hasAttr(attribute) ? e.attr(attribute) : null;
      default -> absolute(e.absUrl(attribute));
    };
  }

  /** Counts against {@code deadline} each node below {@code e} that building its value walks. */
  private void countWalk(Element e, Deadline deadline) {
    switch (kind) {
      case "attr", "abs" -> { }
      case "own_text" -> {
        for (int i = e.childNodeSize(); i > 0; i--) deadline.check();
      }
      default -> NodeTraversor.traverse((node, depth) -> deadline.check(), e);
    }
  }

  /** An element's text as {@code kind} reads it; for one whose content is data (a script's), that data. */
  private String text(Element e) {
    String data = ownData(e);
    if (kind.equals("whole_text")) return lineFeeds(data == null ? e.wholeText() : data);
    if (data != null) return Whitespace.collapse(data);
    // jsoup keeps a title's, pre's or textarea's whitespace in text(): collapse() normalises it
    return Whitespace.collapse(kind.equals("text") ? e.text() : e.ownText());
  }

  /**
   * The content of {@code e}'s own data nodes, which jsoup's text leaves out (a {@code script}, a
   * {@code style}, an {@code xmp} or {@code iframe} as HTML parses them), or null when it has none.
   */
  private static String ownData(Element e) {
    List<DataNode> nodes = e.dataNodes();
    if (nodes.isEmpty()) return null;
    StringBuilder data = new StringBuilder();
    for (DataNode node : nodes) data.append(node.getWholeData());
    return data.toString();
  }

  /** {@code s} with each CR LF and each lone CR made one LF, as HTML's input stream does. */
  private static String lineFeeds(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** An http(s) URL as a browser writes it, null for one it cannot; another URL as jsoup resolved it. */
  private static String absolute(String url) {
    return url.isEmpty() ? null : UrlNormaliser.normalise(url);
  }
}
