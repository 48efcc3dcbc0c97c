package io.crawlpipe.parser.rules;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.jaxen.Context;
import org.jaxen.ContextSupport;
import org.jaxen.JaxenException;
import org.jaxen.expr.Expr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.Step;
import org.jaxen.saxpath.Axis;

/**
 * A location path ({@code //table//a}, {@code ./p}) evaluated as jaxen's own, step by step, but
 * with its result put in {@link DocumentOrder}. Built by {@link JsoupXPathFactory}; immutable
 * once the parser has added its steps, and then safe to evaluate from many threads at once.
 */
final class SortedLocationPath implements LocationPath {
  @Serial private static final long serialVersionUID = 1L;

  private final boolean absolute;
  private final List<Step> steps = new ArrayList<>();

  SortedLocationPath(boolean absolute) {
    this.absolute = absolute;
  }

  @Override
  public void addStep(Step step) {
    steps.add(step);
  }

  @Override
  public List<Step> getSteps() {
    return steps;
  }

  @Override
  public boolean isAbsolute() {
    return absolute;
  }

  @Override
  public String getText() {
    StringJoiner text = new StringJoiner("/", absolute ? "/" : "", "");
    for (Step step : steps) text.add(step.getText());
    return text.toString();
  }

  @Override
  @SuppressWarnings("deprecation") // jaxen's parser simplifies with it
  public Expr simplify() {
    for (Step step : steps) step.simplify();
    return this;
  }

  /** The nodes the path reaches from each context node, or from the document when absolute. */
  @Override
  public Object evaluate(Context context) throws JaxenException {
    List<?> start = context.getNodeSet();
    ContextSupport support = context.getContextSupport();
    if (absolute) {
      Object document = start.isEmpty() ? null : support.getNavigator().getDocumentNode(start.getFirst());
      if (document == null) return Collections.emptyList();
      start = List.of(document);
    }
    List<Object> nodes = new ArrayList<>(start);
    Context stepContext = new Context(support);
    for (Step step : steps) {
      stepContext.setNodeSet(nodes);
      nodes = new ArrayList<>(step.evaluate(stepContext));
      if (isReverse(step.getAxis())) Collections.reverse(nodes);
    }
    if (steps.size() > 1 || start.size() > 1) nodes.sort(DocumentOrder.of(context));
    return nodes;
  }

  private static boolean isReverse(int axis) {
    return axis == Axis.PRECEDING || axis == Axis.PRECEDING_SIBLING
        || axis == Axis.ANCESTOR || axis == Axis.ANCESTOR_OR_SELF;
  }

  @Override
  public String toString() {
    return getText();
  }
}
