package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.ExtractionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A {@code json} field: a JSON Pointer (RFC 6901) into the body parsed as JSON. Without {@code
 * item} the field is the value there, converted by {@link JsonValues}, or null when the pointer
 * leads nowhere. With {@code item} the pointer must lead to an array: each element yields one
 * object whose fields are pointers relative to it (anything else yields []). A body that is not
 * JSON fails the page. Immutable and thread-safe.
 */
final class JsonExtractor implements Extractor {
  private final String label;
  private final JsonPointer pointer;
  private final Map<String, JsonExtractor> item;
  private final PostProcess post;

  JsonExtractor(String label, JsonPointer pointer, Map<String, JsonExtractor> item, PostProcess post) {
    this.label = label;
    this.pointer = pointer;
    this.item = item == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(item));
    this.post = post;
  }

  @Override
  public Object extract(PageContext page) {
    JsonNode root;
    try {
      root = page.json();
    } catch (JacksonException e) {
      String message = label + ": body is not valid JSON (" + Where.oneLine(JsonProblem.plain(e.getOriginalMessage())) + ")";
      throw new ExtractionException(page.page().url(), message, e);
    }
    if (root.isMissingNode()) {
      String what = page.text().isEmpty() ? "it is empty" : "it is only whitespace";
      throw new ExtractionException(page.page().url(), label + ": body is not valid JSON (" + what + ")", null);
    }
    return extractFrom(root);
  }

  /** The field's value with {@code root} as the context: the document, or an array element. */
  Object extractFrom(JsonNode root) {
    JsonNode node = root.at(pointer);
    if (item == null) return post.apply(JsonValues.toJava(node));
    List<Object> objects = new ArrayList<>();
    if (!node.isArray()) return Collections.unmodifiableList(objects);
    for (JsonNode element : node.values()) {
      Map<String, Object> object = new LinkedHashMap<>();
      item.forEach((name, field) -> object.put(name, field.extractFrom(element)));
      objects.add(Collections.unmodifiableMap(object));
    }
    return Collections.unmodifiableList(objects);
  }
}
