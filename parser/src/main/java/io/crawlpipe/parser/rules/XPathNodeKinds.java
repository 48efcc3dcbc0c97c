package io.crawlpipe.parser.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jaxen.ContextSupport;
import org.jaxen.JaxenException;
import org.jaxen.expr.Expr;
import org.jaxen.expr.FilterExpr;
import org.jaxen.expr.FunctionCallExpr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.NameStep;
import org.jaxen.expr.PathExpr;
import org.jaxen.expr.Step;
import org.jaxen.expr.UnionExpr;
import org.jaxen.saxpath.Axis;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The kinds of node an XPath may select, read from the compiled expression before any page is
 * seen, and the load-time refusals they allow: a {@code value}, which applies to elements only,
 * on an XPath that can select no element ({@code //a/@href}: its attributes read as their values
 * whatever the {@code value}, so {@code abs:href} would be lost), and an {@code item} container
 * that can select no element (attributes and text nodes hold no fields). A location path selects
 * what its last step's axis and node test allow ({@code /} the document, an element); a union
 * what either side does; {@code id()} elements. Where unsure, an element is assumed, so nothing
 * that may select one is refused. Stateless.
 */
final class XPathNodeKinds {
  /** A kind of node an XPath may select, as a message names it in the plural. */
  enum Kind {
    ELEMENT("elements"), ATTRIBUTE("attributes"), TEXT("text nodes"), COMMENT("comments");

    private final String plural;

    Kind(String plural) {
      this.plural = plural;
    }
  }

  /** A query ending in an attribute step ({@code //a/@href}) or a text step ({@code //pre/text()}). */
  private static final Pattern LAST_STEP = Pattern.compile("(?s)(.*[^/])/(?:@([\\w.:-]+)|text\\(\\))");

  private XPathNodeKinds() {}

  /**
   * @throws IllegalArgumentException when {@code expr} can select no element, naming what it
   *     selects and the element query to write instead when the query's last step shows it
   */
  static void checkValue(String query, Expr expr, ValueSource source) {
    Set<Kind> kinds = of(expr);
    if (kinds.contains(Kind.ELEMENT)) return;
    Matcher step = lastStep(query, expr);
    String value = source.attribute() == null ? source.kind() : source.kind() + ":" + source.attribute();
    String hint = ": leave \"value\" out (an attribute gives its value, a text node its text)";
    if (step != null && (step.group(2) == null || source.attribute() != null)) {
      String element = step.group(2) == null ? value : source.kind() + ":" + step.group(2);
      hint = ": write \"xpath\": " + Snippet.quoted(step.group(1)) + " with \"value\": \"" + element + "\"";
    }
    throw new IllegalArgumentException("\"value\" applies to elements, and xpath " + Snippet.quoted(query)
        + " selects " + describe(kinds) + hint);
  }

  /**
   * @throws IllegalArgumentException when {@code expr} can select no element to be an item's
   *     container, naming what it selects and the element query to write instead when the query's
   *     last step shows it
   */
  static void checkContainer(String query, Expr expr) {
    Set<Kind> kinds = of(expr);
    if (kinds.contains(Kind.ELEMENT)) return;
    Matcher step = lastStep(query, expr);
    String hint = ": select elements";
    if (step != null) {
      hint = ": select " + Snippet.quoted(step.group(1)) + (step.group(2) == null ? ""
          : " and read the attribute in a sub-field, {\"xpath\": \".\", \"value\": \"attr:" + step.group(2) + "\"}");
    }
    throw new IllegalArgumentException("\"item\" needs elements to hold its fields, and xpath " + Snippet.quoted(query)
        + " selects " + describe(kinds) + hint);
  }

  /** {@link #LAST_STEP} matched on {@code query}, or null when it does not match or the query is a union. */
  private static Matcher lastStep(String query, Expr expr) {
    Matcher step = LAST_STEP.matcher(query);
    return !(expr instanceof UnionExpr) && step.matches() ? step : null;
  }

  /** The kinds of node {@code root} may select; empty for an expression that gives no nodes. */
  static Set<Kind> of(Expr root) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    Deque<Expr> work = new ArrayDeque<>(List.of(root)); // a loop, not recursion: a | b | c ... may be long
    while (!work.isEmpty()) {
      switch (work.pop()) {
        case UnionExpr union -> {
          work.push(union.getRHS());
          work.push(union.getLHS());
        }
        case LocationPath path -> kinds.addAll(lastStep(path.getSteps()));
        case PathExpr path -> work.push(path.getLocationPath() != null ? path.getLocationPath() : path.getFilterExpr());
        case FilterExpr filter -> work.push(filter.getExpr());
        case FunctionCallExpr call -> {
          if (call.getPrefix().isEmpty() && call.getFunctionName().equals("id")) kinds.add(Kind.ELEMENT);
        }
        default -> { } // literals, numbers, operators: no nodes (refused by Selection.xpath)
      }
    }
    return kinds;
  }

  /** What a location path's last step may select: its node test tried on one node of each kind. */
  private static Set<Kind> lastStep(List<?> steps) {
    if (steps.isEmpty()) return EnumSet.of(Kind.ELEMENT); // "/": the document, an element
    Step step = (Step) steps.getLast();
    boolean attributeAxis = step.getAxis() == Axis.ATTRIBUTE;
    if (step instanceof NameStep) return EnumSet.of(attributeAxis ? Kind.ATTRIBUTE : Kind.ELEMENT);
    Element element = new Element("x");
    Map<Kind, Object> probes = attributeAxis
        ? Map.of(Kind.ATTRIBUTE, new XPathAttribute(element, new Attribute("x", ""), 0))
        : Map.of(Kind.ELEMENT, element, Kind.TEXT, new TextNode("x"), Kind.COMMENT, new Comment("x"));
    ContextSupport support = new ContextSupport(null, null, null, new JsoupNavigator(Deadline.never()));
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    try {
      for (Map.Entry<Kind, Object> probe : probes.entrySet()) {
        if (step.matches(probe.getValue(), support)) kinds.add(probe.getKey());
      }
    } catch (JaxenException e) {
      return EnumSet.allOf(Kind.class);
    }
    return kinds;
  }

  private static String describe(Set<Kind> kinds) {
    if (kinds.isEmpty()) return "no elements";
    String all = kinds.stream().map(k -> k.plural).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return last < 0 ? all : all.substring(0, last) + " and " + all.substring(last + 2);
  }
}
