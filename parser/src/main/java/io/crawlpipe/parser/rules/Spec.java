package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object of the rules file and where it is: typed reads that fail with a located,
 * one-line {@link RulesException}. Immutable.
 */
record Spec(JsonNode node, Where where) {

  /** The object {@code node}, or a located error saying that {@code what} must be an object. */
  static Spec of(JsonNode node, Where where, String what) {
    if (node == null || !node.isObject()) throw where.error(what + " must be a JSON object");
    return new Spec(node, where);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** Fails on the first key not in {@code allowed}, naming the keys that are. */
  void allowOnly(Collection<String> allowed) {
    for (String key : node.propertyNames()) {
      if (!allowed.contains(key)) {
        throw where.error("unknown key " + Snippet.quoted(key) + " (allowed here: " + String.join(", ", sorted(allowed)) + ")");
      }
    }
  }

  /** The required string {@code key}. */
  String string(String key) {
    String value = optionalString(key);
    if (value == null) throw where.error("missing key \"" + key + "\"");
    return value;
  }

  /** The string {@code key}, or null when absent. */
  String optionalString(String key) {
    JsonNode value = node.get(key);
    if (value == null) return null;
    if (!value.isString()) throw where.error("\"" + key + "\" must be a string");
    return value.stringValue();
  }

  boolean bool(String key, boolean absent) {
    JsonNode value = node.get(key);
    if (value == null) return absent;
    if (!value.isBoolean()) throw where.error("\"" + key + "\" must be true or false");
    return value.booleanValue();
  }

  /** The object {@code key} as a spec at the same position, or null when absent. */
  Spec optionalObject(String key) {
    JsonNode value = node.get(key);
    return value == null ? null : Spec.of(value, where, "\"" + key + "\"");
  }

  /** The object {@code key}'s string values, in file order; empty when absent. */
  Map<String, String> stringMap(String key) {
    Spec spec = optionalObject(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (spec == null) return out;
    for (String name : spec.node.propertyNames()) {
      JsonNode value = spec.node.get(name);
      if (!value.isString()) throw where.error("\"" + key + "\" values must be strings");
      out.put(name, value.stringValue());
    }
    return out;
  }

  /** The raw value of {@code key}, or null when absent. */
  JsonNode get(String key) {
    return node.get(key);
  }

  RulesException error(String problem) {
    return where.error(problem);
  }

  RulesException error(String problem, Throwable cause) {
    return where.error(problem, cause);
  }

  private static List<String> sorted(Collection<String> keys) {
    List<String> list = new ArrayList<>(keys);
    list.sort(null);
    return list;
  }
}
