package io.crawlpipe.parser.rules;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jaxen.Context;
import org.jaxen.ContextSupport;
import org.jaxen.JaxenException;
import org.jaxen.UnsupportedAxisException;
import org.jaxen.expr.Predicate;
import org.jaxen.expr.PredicateSet;
import org.jaxen.expr.Step;

/**
 * A {@code text()}, {@code node()}, {@code comment()} or {@code processing-instruction()} step of
 * jaxen's, evaluated from one context node at a time when it has predicates. jaxen's own
 * evaluation of these steps drops a node that one context node reaches before the predicates run,
 * so {@code //dt/following-sibling::text()[1]} found only the first {@code dt}'s text; here each
 * context node gets its own predicates, and the results are merged without duplicates. Immutable
 * once the parser has added its predicates, and then safe to evaluate from many threads at once.
 */
final class PerContextStep implements Step {
  @Serial private static final long serialVersionUID = 1L;

  private final Step step;

  PerContextStep(Step step) {
    this.step = step;
  }

  @Override
  @SuppressWarnings("unchecked") // jaxen's raw List of nodes
  public List<Object> evaluate(Context context) throws JaxenException {
    List<?> contextNodes = context.getNodeSet();
    if (contextNodes.size() < 2 || step.getPredicates().isEmpty()) return step.evaluate(context);
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> nodes = new ArrayList<>();
    Context single = new Context(context.getContextSupport());
    for (Object contextNode : contextNodes) {
      single.setNodeSet(List.of(contextNode));
      for (Object node : (List<Object>) step.evaluate(single)) if (seen.add(node)) nodes.add(node);
    }
    return nodes;
  }

  @Override
  public boolean matches(Object node, ContextSupport support) throws JaxenException {
    return step.matches(node, support);
  }

  @Override
  public String getText() {
    return step.getText();
  }

  @Override
  public void simplify() {
    step.simplify();
  }

  @Override
  public int getAxis() {
    return step.getAxis();
  }

  @Override
  public Iterator<?> axisIterator(Object contextNode, ContextSupport support) throws UnsupportedAxisException {
    return step.axisIterator(contextNode, support);
  }

  @Override
  public void addPredicate(Predicate predicate) {
    step.addPredicate(predicate);
  }

  @Override
  public List<?> getPredicates() {
    return step.getPredicates();
  }

  @Override
  public PredicateSet getPredicateSet() {
    return step.getPredicateSet();
  }

  @Override
  public String toString() {
    return getText();
  }
}
