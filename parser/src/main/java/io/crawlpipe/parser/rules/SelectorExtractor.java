package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * A {@code css} or {@code xpath} field. Without {@code item}, each selected node yields its {@link
 * ValueSource value} (nodes without one, such as elements missing the attribute, are skipped); with
 * {@code item}, each selected element is a container yielding one object whose fields are
 * evaluated relative to it. With {@code all} the field is the list of results, else the first
 * result or null. Time-bounded: the whole field, its items' fields included, by {@link
 * PageContext#fieldTimeout()}, the building of each value (the nodes it is read from) included; what
 * it extracts counts against the page's {@link OutputBudget}. Immutable and thread-safe.
 */
final class SelectorExtractor implements Extractor {
  private static final Object NOTHING = new Object();

  private final String label;
  private final Selection selection;
  private final ValueSource source;
  private final boolean all;
  private final Map<String, SelectorExtractor> item;
  private final PostProcess post;

  SelectorExtractor(String label, Selection selection, ValueSource source, boolean all,
      Map<String, SelectorExtractor> item, PostProcess post) {
    this.label = label;
    this.selection = selection;
    this.source = source;
    this.all = all;
    this.item = item == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(item));
    this.post = post;
  }

  @Override
  public Object extract(PageContext page) {
    Element document = page.document(); // parsed before the clock starts: the bound is the field's own work
    OutputBudget budget = page.outputBudget();
    try {
      return extractFrom(document, new Work(page.deadline(JsoupNavigator.CHECK_EVERY), budget));
    } catch (RanOut e) {
      throw timeout(page, e.field);
    } catch (Deadline.Expired e) {
      throw timeout(page, this);
    } catch (OutputBudget.Exceeded e) {
      throw new ExtractionException(page.page().url(), label + ": " + kind() + " " + budget.exceeded(), null);
    }
  }

  /** What one evaluation of the field counts its work against: its time bound and the page's output budget. */
  private record Work(Deadline deadline, OutputBudget budget) {
    Work {
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(budget, "budget");
    }
  }

  private static ExtractTimeoutException timeout(PageContext page, SelectorExtractor field) {
    String message = field.label + ": " + field.kind() + " ran longer than " + page.fieldTimeout().toMillis() + " ms";
    return new ExtractTimeoutException(page.page().url(), message, page.fieldTimeout());
  }

  private String kind() {
    return selection instanceof Selection.XPath ? "xpath" : "css";
  }

  /** The field's value with {@code root} as the context: the document, or an item's container. */
  private Object extractFrom(Element root, Work work) {
    List<?> nodes;
    try {
      nodes = selection.select(root, work.deadline());
    } catch (Deadline.Expired e) {
      throw new RanOut(this);
    }
    List<Object> results = new ArrayList<>();
    for (Object node : nodes) {
      Object result = result(node, work);
      if (result == NOTHING) continue;
      if (!all) return result;
      results.add(result);
    }
    return all ? Collections.unmodifiableList(results) : null;
  }

  /**
   * One node's result, or {@link #NOTHING} for a node without a value or a non-element container;
   * each value and each item's object is charged to the page's output budget.
   */
  private Object result(Object node, Work work) {
    if (item == null) {
      String value;
      try {
        value = source.read(node, work.deadline());
      } catch (Deadline.Expired e) {
        throw new RanOut(this);
      }
      if (value == null) return NOTHING;
      Object result = post.apply(value);
      work.budget().charge(result);
      return result;
    }
    if (!(node instanceof Element container)) return NOTHING;
    work.budget().chargeOne();
    return object(container, work);
  }

  private Map<String, Object> object(Element container, Work work) {
    Map<String, Object> object = new LinkedHashMap<>();
    item.forEach((name, field) -> object.put(name, field.extractFrom(container, work)));
    return Collections.unmodifiableMap(object);
  }

  /** The deadline passed while {@code field}'s selection ran (the field itself, or one of its items' fields). */
  private static final class RanOut extends RuntimeException {
    final transient SelectorExtractor field;

    RanOut(SelectorExtractor field) {
      super(null, null, false, false);
      this.field = field;
    }
  }
}
