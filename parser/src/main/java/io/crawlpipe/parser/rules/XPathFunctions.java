package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.List;
import org.jaxen.Context;
import org.jaxen.FunctionContext;
import org.jaxen.XPathFunctionContext;
import org.jaxen.function.IdFunction;
import org.jaxen.function.StringFunction;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * XPath 1.0's core functions as jaxen implements them, except two made to fit jsoup's HTML:
 * {@code id()} gives its elements in document order (jaxen's, in the order of the ids asked
 * for), and {@code lang()} reads the nearest {@code xml:lang} or {@code lang} attribute (jaxen's
 * wants {@code xml:lang} in the XML namespace, which a page parsed as HTML never has). {@link
 * XPathCheck} has checked every call's arguments before a page is seen.
 */
final class XPathFunctions {
  private XPathFunctions() {}

  /** A new function context; read-only once returned, so safe to share between threads. */
  static FunctionContext create() {
    XPathFunctionContext functions = new XPathFunctionContext(false);
    functions.registerFunction(null, "id", XPathFunctions::id);
    functions.registerFunction(null, "lang", XPathFunctions::lang);
    return functions;
  }

  private static List<Object> id(Context context, List<?> args) {
    List<Object> nodes = new ArrayList<>(IdFunction.evaluate(context.getNodeSet(), args.getFirst(), context.getNavigator()));
    nodes.sort(DocumentOrder.of(context));
    return nodes;
  }

  /** True when the context node's language is {@code lang} or a sub-language of it ({@code en-GB}). */
  private static Boolean lang(Context context, List<?> args) {
    String lang = StringFunction.evaluate(args.getFirst(), context.getNavigator());
    if (context.getNodeSet().isEmpty()) return false;
    Object node = context.getNodeSet().getFirst();
    Node start = node instanceof XPathAttribute attribute ? attribute.owner() : (Node) node;
    Deadline deadline = JsoupNodes.deadlineOf(context);
    for (Element e = start instanceof Element self ? self : (Element) start.parent(); e != null; e = e.parent()) {
      deadline.check();
      String value = e.hasAttr("xml:lang") ? e.attr("xml:lang") : e.hasAttr("lang") ? e.attr("lang") : null;
      if (value != null) {
        return value.equalsIgnoreCase(lang)
            || (value.length() > lang.length() && value.charAt(lang.length()) == '-'
                && value.regionMatches(true, 0, lang, 0, lang.length()));
      }
    }
    return false;
  }
}
