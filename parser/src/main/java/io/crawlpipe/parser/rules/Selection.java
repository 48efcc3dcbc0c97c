package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.List;
import org.jaxen.Context;
import org.jaxen.ContextSupport;
import org.jaxen.FunctionContext;
import org.jaxen.JaxenException;
import org.jaxen.JaxenHandler;
import org.jaxen.expr.Expr;
import org.jaxen.saxpath.SAXPathException;
import org.jaxen.saxpath.XPathReader;
import org.jaxen.saxpath.XPathSyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.CombiningEvaluator;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * A compiled CSS selector or XPath expression, checked at load time. CSS selects the matching
 * elements at or under the root element. XPath 1.0 (its core functions) is evaluated by jaxen on
 * jsoup's tree through a {@link JsoupNavigator}, with the root as context node; it may select
 * elements, text and comment nodes and {@link XPathAttribute attributes}. An
 * absolute path starts from the document: relative to an item's container, write {@code ./p} or
 * {@code .//p}, not {@code //p}. Immutable and thread-safe (jsoup evaluators and jaxen's compiled
 * expressions are).
 */
sealed interface Selection {

  /**
   * The matching nodes in document order; empty when none match. XPath counts its steps against
   * {@code deadline}, CSS each element it visits.
   *
   * @throws Deadline.Expired when the deadline passes during the evaluation
   */
  List<?> select(Element root, Deadline deadline);

  /** The query as written in the rules file. */
  String query();

  /**
   * Compiles a CSS selector; jsoup's message when it rejects it. Pseudo-elements, Scrapy's {@code
   * ::text} and {@code ::attr()} among them, are refused with their rules-file equivalent.
   */
  static Selection css(String query) {
    String invalid = "css selector " + Snippet.quoted(query) + " is invalid: ";
    try {
      CssPseudoElementCheck.check(query);
      CssRegexCheck.check(query);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(invalid + e.getMessage(), e);
    }
    try {
      return new Css(query, QueryParser.parse(query));
    } catch (SelectorParseException | IllegalArgumentException e) {
      // jsoup's message may quote the whole query again, or the rest of it from where it failed
      String problem = String.valueOf(e.getMessage()).replace(query, Snippet.of(query));
      throw new IllegalArgumentException(invalid + Snippet.of(problem), e);
    }
  }

  /**
   * Compiles an XPath expression, checks what it calls and how deeply it nests ({@link
   * XPathCheck}), and checks on an empty document that it yields nodes ({@code count(//p)} is a
   * number).
   */
  static Selection xpath(String query) {
    try {
      Expr expr = parseXPath(query);
      XPathCheck.check(expr);
      XPath xpath = new XPath(query, expr, XPathFunctions.create());
      Object result = xpath.evaluate(Jsoup.parse(""), Deadline.never());
      if (!(result instanceof List)) {
        String kind = result instanceof String ? "a string" : result instanceof Boolean ? "a boolean" : "a number";
        String hint = result instanceof String ? XPathStringHint.of(query, expr) : "";
        throw new IllegalArgumentException("it gives " + kind + ", not nodes" + hint);
      }
      return xpath;
    } catch (XPathSyntaxException e) {
      String problem = e.getMessage().equals("Unexpected ''") ? "unexpected end of expression" : e.getMessage();
      throw new IllegalArgumentException(
          "xpath " + Snippet.quoted(query) + " is invalid at column " + (e.getPosition() + 1) + ": " + problem, e);
    } catch (SAXPathException | IllegalArgumentException e) {
      throw new IllegalArgumentException("xpath " + Snippet.quoted(query) + " is invalid: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("xpath " + Snippet.quoted(query) + " is invalid: it nests too deeply", null);
    }
  }

  /** jaxen's parse, with the location paths and unions of {@link JsoupXPathFactory}. */
  private static Expr parseXPath(String query) throws SAXPathException {
    JaxenHandler handler = new JaxenHandler();
    handler.setXPathFactory(new JsoupXPathFactory());
    XPathReader reader = new org.jaxen.saxpath.base.XPathReader();
    reader.setXPathHandler(handler);
    reader.parse(query);
    return handler.getXPathExpr(true).getRootExpr();
  }

  record Css(String query, Evaluator evaluator) implements Selection {
    @Override
    public List<?> select(Element root, Deadline deadline) {
      return new ArrayList<>(root.select(new CombiningEvaluator.And(List.of(new DeadlineEvaluator(deadline), evaluator))));
    }
  }

  /**
   * A prefixed name such as {@code svg:rect} matches nothing: HTML as jsoup parses it has no
   * namespaces (match the local name, {@code //rect}, or {@code //*[name()='svg:rect']}).
   */
  record XPath(String query, Expr expr, FunctionContext functions) implements Selection {
    @Override
    public List<?> select(Element root, Deadline deadline) {
      try {
        return (List<?>) evaluate(root, deadline);
      } catch (JaxenException e) {
        throw new IllegalArgumentException("xpath " + Snippet.quoted(query) + " failed: " + e.getMessage(), e);
      }
    }

    /** The expression's value: a node list, or a String, Double or Boolean. */
    Object evaluate(Element root, Deadline deadline) throws JaxenException {
      ContextSupport support = new ContextSupport(XPath::unboundPrefix, functions, null, new JsoupNavigator(deadline));
      Context context = new Context(support);
      context.setNodeSet(List.of(root));
      return expr.evaluate(context);
    }

    private static String unboundPrefix(String prefix) {
      return "urn:crawlpipe:unbound-prefix:" + prefix;
    }
  }
}
