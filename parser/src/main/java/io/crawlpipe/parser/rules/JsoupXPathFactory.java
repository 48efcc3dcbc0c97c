package io.crawlpipe.parser.rules;

import org.jaxen.JaxenException;
import org.jaxen.expr.DefaultXPathFactory;
import org.jaxen.expr.Expr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.Step;
import org.jaxen.expr.UnionExpr;

/**
 * Builds jaxen's expression tree with location paths and unions that sort their nodes by {@link
 * DocumentOrder}, and node-type steps that apply their predicates per context node ({@link
 * PerContextStep}); every other part of the tree is jaxen's own. Stateless.
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

  @Override
  public Step createTextNodeStep(int axis) throws JaxenException {
    return new PerContextStep(super.createTextNodeStep(axis));
  }

  @Override
  public Step createCommentNodeStep(int axis) throws JaxenException {
    return new PerContextStep(super.createCommentNodeStep(axis));
  }

  @Override
  public Step createAllNodeStep(int axis) throws JaxenException {
    return new PerContextStep(super.createAllNodeStep(axis));
  }

  @Override
  public Step createProcessingInstructionNodeStep(int axis, String name) throws JaxenException {
    return new PerContextStep(super.createProcessingInstructionNodeStep(axis, name));
  }
}
