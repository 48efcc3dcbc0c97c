package io.crawlpipe.parser.rules;

import org.jaxen.expr.DefaultXPathFactory;
import org.jaxen.expr.Expr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.UnionExpr;

/**
 * Builds jaxen's expression tree with location paths and unions that sort their nodes by {@link
 * DocumentOrder}; every other part of the tree is jaxen's own. Stateless.
 */
final class JsoupXPathFactory extends DefaultXPathFactory {
  @Override
  public LocationPath createRelativeLocationPath() {
    return new SortedLocationPath(false);
  }

  @Override
  public LocationPath createAbsoluteLocationPath() {
    return new SortedLocationPath(true);
  }

  @Override
  public UnionExpr createUnionExpr(Expr lhs, Expr rhs) {
    return new SortedUnion(lhs, rhs);
  }
}
