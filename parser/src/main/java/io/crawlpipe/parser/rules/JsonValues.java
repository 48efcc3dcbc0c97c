package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Converts Jackson trees to the JSON-like Java values of {@link Extractor}. Stateless. */
final class JsonValues {
  private JsonValues() {}

  /**
   * Objects become unmodifiable insertion-ordered maps, arrays unmodifiable lists, integers Long
   * (BigInteger beyond long), other numbers BigDecimal; JSON null and missing nodes become null.
   */
  static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) return null;
    if (node.isString()) return node.stringValue();
    if (node.isBoolean()) return node.booleanValue();
    if (node.isIntegralNumber()) return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    if (node.isNumber()) return node.decimalValue();
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode element : node.values()) list.add(toJava(element));
      return Collections.unmodifiableList(list);
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) map.put(e.getKey(), toJava(e.getValue()));
      return Collections.unmodifiableMap(map);
    }
    return node.asString();
  }
}
