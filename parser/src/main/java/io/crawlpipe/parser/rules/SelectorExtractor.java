package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A {@code css} or {@code xpath} field. Without {@code item}, each selected node yields its {@link
 * ValueSource value} (nodes without one, such as elements missing the attribute, are skipped); with
 * {@code item}, each selected element is a container yielding one object whose fields are
 * evaluated relative to it. With {@code all} the field is the list of results, else the first
 * result or null. Immutable and thread-safe.
 */
final class SelectorExtractor implements Extractor {
  private static final Object NOTHING = new Object();

  private final Selection selection;
  private final ValueSource source;
  private final boolean all;
  private final Map<String, SelectorExtractor> item;
  private final PostProcess post;

  SelectorExtractor(Selection selection, ValueSource source, boolean all, Map<String, SelectorExtractor> item,
      PostProcess post) {
    this.selection = selection;
    this.source = source;
    this.all = all;
    this.item = item == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(item));
    this.post = post;
  }

  @Override
  public Object extract(PageContext page) {
    return extractFrom(page.document());
  }

  /** The field's value with {@code root} as the context: the document, or an item's container. */
  Object extractFrom(Element root) {
    List<Object> results = new ArrayList<>();
    for (Node node : selection.select(root)) {
      Object result = result(node);
      if (result == NOTHING) continue;
      if (!all) return result;
      results.add(result);
    }
    return all ? Collections.unmodifiableList(results) : null;
  }

  /** One node's result, or {@link #NOTHING} for a node without a value or a non-element container. */
  private Object result(Node node) {
    if (item == null) {
      String value = source.read(node);
      return value == null ? NOTHING : post.apply(value);
    }
    return node instanceof Element container ? object(container) : NOTHING;
  }

  private Map<String, Object> object(Element container) {
    Map<String, Object> object = new LinkedHashMap<>();
    item.forEach((name, field) -> object.put(name, field.extractFrom(container)));
    return Collections.unmodifiableMap(object);
  }
}
