package io.crawlpipe.parser.rules;

import java.io.Serial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jaxen.Context;
import org.jaxen.JaxenException;
import org.jaxen.XPathSyntaxException;
import org.jaxen.expr.Expr;
import org.jaxen.expr.UnionExpr;

/**
 * A union ({@code //h1 | //h2}): the nodes of every operand, each once, in {@link DocumentOrder}.
 * A chain {@code a | b | c} is one left-leaning tree that this evaluates in a loop, not by
 * recursion, so a long chain cannot overflow the stack. Built by {@link JsoupXPathFactory};
 * immutable once simplified, and then safe to evaluate from many threads at once.
 */
final class SortedUnion implements UnionExpr {
  @Serial private static final long serialVersionUID = 1L;

  private Expr lhs;
  private Expr rhs;

  SortedUnion(Expr lhs, Expr rhs) {
    this.lhs = lhs;
    this.rhs = rhs;
  }

  @Override
  public Expr getLHS() {
    return lhs;
  }

  @Override
  public Expr getRHS() {
    return rhs;
  }

  @Override
  public String getOperator() {
    return "|";
  }

  @Override
  public String getText() {
    List<Expr> operands = operands();
    StringBuilder text = new StringBuilder("(".repeat(operands.size() - 1)).append(operands.getFirst().getText());
    for (Expr operand : operands.subList(1, operands.size())) text.append(" | ").append(operand.getText()).append(')');
    return text.toString();
  }

  @Override
  @SuppressWarnings("deprecation") // jaxen's parser simplifies with it
  public Expr simplify() {
    List<SortedUnion> chain = new ArrayList<>();
    Expr leftmost = this;
    for (; leftmost instanceof SortedUnion union; leftmost = union.lhs) chain.add(union);
    Expr simplified = leftmost.simplify();
    for (SortedUnion union : chain.reversed()) {
      union.lhs = simplified;
      union.rhs = union.rhs.simplify();
      simplified = union;
    }
    return this;
  }

  @Override
  public Object evaluate(Context context) throws JaxenException {
    List<Object> nodes = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Expr operand : operands()) {
      if (!(operand.evaluate(context) instanceof List<?> operandNodes)) {
        throw new XPathSyntaxException(getText(), context.getPosition(), "Unions are only allowed over node-sets");
      }
      for (Object node : operandNodes) if (seen.add(node)) nodes.add(node);
    }
    nodes.sort(DocumentOrder.of(context));
    return nodes;
  }

  /** The operands of this chain of unions, left to right. */
  private List<Expr> operands() {
    List<Expr> operands = new ArrayList<>();
    Expr leftmost = this;
    for (; leftmost instanceof SortedUnion union; leftmost = union.lhs) operands.add(union.rhs);
    operands.add(leftmost);
    return operands.reversed();
  }

  @Override
  public String toString() {
    return getText();
  }
}
