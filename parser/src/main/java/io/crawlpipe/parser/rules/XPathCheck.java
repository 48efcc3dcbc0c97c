package io.crawlpipe.parser.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jaxen.expr.BinaryExpr;
import org.jaxen.expr.Expr;
import org.jaxen.expr.FilterExpr;
import org.jaxen.expr.FunctionCallExpr;
import org.jaxen.expr.LiteralExpr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.NumberExpr;
import org.jaxen.expr.PathExpr;
import org.jaxen.expr.Predicate;
import org.jaxen.expr.Predicated;
import org.jaxen.expr.Step;
import org.jaxen.expr.UnaryExpr;
import org.jaxen.expr.UnionExpr;
import org.jaxen.expr.VariableReferenceExpr;
import org.jaxen.saxpath.Axis;

/**
 * Checks, before any page is seen, what a compiled XPath would otherwise only fail on at run
 * time, on the first page where that part is reached and on every page after it: that it calls
 * only XPath 1.0's functions, each with as many arguments as it takes and a node-set where one is
 * needed; that it unites only node-sets and uses no variables nor the namespace axis (HTML as
 * jsoup parses it has no namespace nodes); and that it nests at most {@value #MAX_NESTING} deep,
 * so evaluating it cannot overflow the stack. The walk is a loop, so a long chain such as {@code
 * a | b | c ...} is checked in constant stack. Stateless.
 */
final class XPathCheck {
  /** Function calls, predicates and signs within one another; chains of operators do not count. */
  static final int MAX_NESTING = 100;

  /** XPath 1.0's core functions; jaxen has more (document(), ends-with()) that rules may not call. */
  private static final Map<String, Arity> FUNCTIONS = Map.ofEntries(
      Map.entry("last", Arity.NONE), Map.entry("position", Arity.NONE),
      Map.entry("true", Arity.NONE), Map.entry("false", Arity.NONE),
      Map.entry("count", Arity.NODE_SET), Map.entry("sum", Arity.NODE_SET),
      Map.entry("local-name", Arity.OPTIONAL_NODE_SET), Map.entry("name", Arity.OPTIONAL_NODE_SET),
      Map.entry("namespace-uri", Arity.OPTIONAL_NODE_SET),
      Map.entry("id", Arity.ONE), Map.entry("boolean", Arity.ONE), Map.entry("not", Arity.ONE),
      Map.entry("lang", Arity.ONE), Map.entry("floor", Arity.ONE), Map.entry("ceiling", Arity.ONE),
      Map.entry("round", Arity.ONE),
      Map.entry("string", Arity.OPTIONAL), Map.entry("string-length", Arity.OPTIONAL),
      Map.entry("normalize-space", Arity.OPTIONAL), Map.entry("number", Arity.OPTIONAL),
      Map.entry("starts-with", Arity.TWO), Map.entry("contains", Arity.TWO),
      Map.entry("substring-before", Arity.TWO), Map.entry("substring-after", Arity.TWO),
      Map.entry("substring", new Arity(2, 3, false)), Map.entry("translate", new Arity(3, 3, false)),
      Map.entry("concat", new Arity(2, Integer.MAX_VALUE, false)));

  private XPathCheck() {}

  /** How many arguments a function takes, and whether they must be node-sets. */
  private record Arity(int min, int max, boolean nodeSets) {
    static final Arity NONE = new Arity(0, 0, false);
    static final Arity ONE = new Arity(1, 1, false);
    static final Arity TWO = new Arity(2, 2, false);
    static final Arity OPTIONAL = new Arity(0, 1, false);
    static final Arity NODE_SET = new Arity(1, 1, true);
    static final Arity OPTIONAL_NODE_SET = new Arity(0, 1, true);
  }

  private record Nested(Expr expr, int depth) {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the first offending part
   */
  static void check(Expr root) {
    Deque<Nested> work = new ArrayDeque<>();
    work.push(new Nested(root, 0));
    while (!work.isEmpty()) {
      Nested next = work.pop();
      int depth = next.depth();
      if (depth > MAX_NESTING) throw new IllegalArgumentException("it nests more than " + MAX_NESTING + " deep");
      for (Expr part : parts(next.expr()).reversed()) {
        work.push(new Nested(part, next.expr() instanceof BinaryExpr ? depth : depth + 1));
      }
    }
  }

  /** The expressions directly inside {@code expr}, once {@code expr} itself is found sound. */
  private static List<Expr> parts(Expr expr) {
    return switch (expr) {
      case FunctionCallExpr call -> {
        checkCall(call);
        yield exprs(call.getParameters());
      }
      case VariableReferenceExpr variable -> throw new IllegalArgumentException("it uses the variable $"
          + qualified(variable.getPrefix(), variable.getVariableName()) + ", and rules files have no variables");
      case UnionExpr union -> {
        for (Expr operand : List.of(union.getLHS(), union.getRHS())) {
          if (!mayBeNodeSet(operand)) {
            throw new IllegalArgumentException("| unites node-sets, and " + XPathText.of(operand) + " is not one");
          }
        }
        yield List.of(union.getLHS(), union.getRHS());
      }
      case BinaryExpr binary -> List.of(binary.getLHS(), binary.getRHS());
      case UnaryExpr unary -> List.of(unary.getExpr());
      case FilterExpr filter -> {
        List<Expr> parts = new ArrayList<>(predicates(filter));
        parts.addFirst(filter.getExpr());
        yield parts;
      }
      case PathExpr path -> {
        Expr filter = path.getFilterExpr();
        if (filter != null && path.getLocationPath() != null && !mayBeNodeSet(filter)) {
          throw new IllegalArgumentException("a path goes on from " + XPathText.of(filter) + ", which is not a node-set");
        }
        yield Stream.of(filter, path.getLocationPath()).filter(Objects::nonNull).toList();
      }
      case LocationPath location -> steps(location);
      default -> List.of(); // literals and numbers
    };
  }

  private static void checkCall(FunctionCallExpr call) {
    String name = qualified(call.getPrefix(), call.getFunctionName());
    Arity arity = call.getPrefix().isEmpty() ? FUNCTIONS.get(name) : null;
    if (arity == null) throw new IllegalArgumentException("it calls " + name + "(), which is not an XPath 1.0 function");
    int count = call.getParameters().size();
    if (count < arity.min() || count > arity.max()) {
      String takes = arity.min() == arity.max() ? String.valueOf(arity.min())
          : arity.max() == Integer.MAX_VALUE ? arity.min() + " or more" : arity.min() + " or " + arity.max();
      throw new IllegalArgumentException("it calls " + name + "() with " + count + " argument" + (count == 1 ? "" : "s")
          + ", and " + name + "() takes " + takes);
    }
    for (Object parameter : call.getParameters()) {
      if (arity.nodeSets() && !mayBeNodeSet((Expr) parameter)) {
        throw new IllegalArgumentException(
            "it calls " + name + "(" + XPathText.of((Expr) parameter) + "), and " + name + "() takes a node-set");
      }
    }
  }

  /** False when {@code expr} can only be a string, number or boolean; true when it may be nodes. */
  static boolean mayBeNodeSet(Expr expr) {
    return switch (expr) {
      case LiteralExpr literal -> false;
      case NumberExpr number -> false;
      case UnionExpr union -> true;
      case BinaryExpr binary -> false;
      case UnaryExpr unary -> false;
      case FunctionCallExpr call -> call.getPrefix().isEmpty() && call.getFunctionName().equals("id");
      case FilterExpr filter -> mayBeNodeSet(filter.getExpr());
      default -> true;
    };
  }

  private static List<Expr> steps(LocationPath location) {
    List<Expr> predicates = new ArrayList<>();
    for (Object step : location.getSteps()) {
      if (((Step) step).getAxis() == Axis.NAMESPACE) {
        throw new IllegalArgumentException("it uses the namespace axis, and HTML as parsed has no namespace nodes");
      }
      predicates.addAll(predicates((Predicated) step));
    }
    return predicates;
  }

  private static List<Expr> predicates(Predicated predicated) {
    return ((List<?>) predicated.getPredicates()).stream().map(p -> ((Predicate) p).getExpr()).toList();
  }

  private static List<Expr> exprs(List<?> exprs) {
    return exprs.stream().map(Expr.class::cast).toList();
  }

  private static String qualified(String prefix, String name) {
    return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
  }
}
