package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * A compiled CSS selector or XPath expression, checked by jsoup at load time. CSS selects the
 * matching elements at or under the root element; XPath goes through jsoup's {@link
 * Element#selectXpath(String, Class)} and may select elements or {@code text()} nodes. Note that
 * XPath is evaluated against the whole document: relative to an item's container, write {@code
 * ./p} or {@code .//p}, not {@code //p}. Immutable and thread-safe (jsoup evaluators are).
 */
sealed interface Selection {

  /** The matching nodes in document order; empty when none match. */
  List<Node> select(Element root);

  /** The query as written in the rules file. */
  String query();

  /** Compiles a CSS selector; jsoup's message when it rejects it. */
  static Selection css(String query) {
    try {
      return new Css(query, QueryParser.parse(query));
    } catch (SelectorParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("css selector \"" + query + "\" is invalid: " + e.getMessage(), e);
    }
  }

  /** Checks an XPath expression by evaluating it on an empty document, as jsoup would. */
  static Selection xpath(String query) {
    try {
      Jsoup.parse("").selectXpath(query, Node.class);
      return new XPath(query);
    } catch (SelectorParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("xpath \"" + query + "\" is invalid: " + rootMessage(e), e);
    }
  }

  /** jsoup wraps the XPath engine's exception; its innermost message is the one that explains. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause().getMessage() != null) root = root.getCause();
    return root.getMessage();
  }

  record Css(String query, Evaluator evaluator) implements Selection {
    @Override
    public List<Node> select(Element root) {
      return new ArrayList<>(root.select(evaluator));
    }
  }

  record XPath(String query) implements Selection {
    @Override
    public List<Node> select(Element root) {
      return root.selectXpath(query, Node.class);
    }
  }
}
