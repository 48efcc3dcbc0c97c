package io.crawlpipe.parser.rules;

import java.util.List;
import org.jaxen.FunctionContext;
import org.jaxen.UnresolvableException;
import org.jaxen.expr.BinaryExpr;
import org.jaxen.expr.Expr;
import org.jaxen.expr.FilterExpr;
import org.jaxen.expr.FunctionCallExpr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.PathExpr;
import org.jaxen.expr.Predicate;
import org.jaxen.expr.Predicated;
import org.jaxen.expr.UnaryExpr;
import org.jaxen.expr.VariableReferenceExpr;

/**
 * Checks, before any page is seen, that a compiled XPath names only functions it can call and no
 * variables. jaxen resolves both during evaluation, so {@code //p[foo()]} would otherwise fail on
 * the first page with a {@code p}, and on every page after it. Stateless.
 */
final class XPathNames {
  private XPathNames() {}

  /**
   * @throws IllegalArgumentException naming the first unknown function or variable
   */
  static void check(Expr expr, FunctionContext functions) {
    switch (expr) {
      case FunctionCallExpr call -> {
        String name = qualified(call.getPrefix(), call.getFunctionName());
        try {
          if (!call.getPrefix().isEmpty()) throw new UnresolvableException(name);
          functions.getFunction(null, null, call.getFunctionName());
        } catch (UnresolvableException e) {
          throw new IllegalArgumentException("it calls " + name + "(), which is not an XPath 1.0 function");
        }
        each(call.getParameters(), functions);
      }
      case VariableReferenceExpr variable -> throw new IllegalArgumentException("it uses the variable $"
          + qualified(variable.getPrefix(), variable.getVariableName()) + ", and rules files have no variables");
      case BinaryExpr binary -> {
        check(binary.getLHS(), functions);
        check(binary.getRHS(), functions);
      }
      case UnaryExpr unary -> check(unary.getExpr(), functions);
      case FilterExpr filter -> {
        check(filter.getExpr(), functions);
        predicates(filter, functions);
      }
      case PathExpr path -> {
        if (path.getFilterExpr() != null) check(path.getFilterExpr(), functions);
        if (path.getLocationPath() != null) check(path.getLocationPath(), functions);
      }
      case LocationPath location -> {
        for (Object step : location.getSteps()) predicates((Predicated) step, functions);
      }
      default -> {} // literals and numbers
    }
  }

  private static void predicates(Predicated predicated, FunctionContext functions) {
    for (Object predicate : predicated.getPredicates()) check(((Predicate) predicate).getExpr(), functions);
  }

  private static void each(List<?> exprs, FunctionContext functions) {
    for (Object expr : exprs) check((Expr) expr, functions);
  }

  private static String qualified(String prefix, String name) {
    return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
  }
}
