package io.crawlpipe.store;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a result's {@code data} may hold: the one rule for JSON-like values, by which the crawler
 * checks a page's data before storing it and the results file writes it without databind ({@link
 * CrawlResultSerializer}). A value is JSON-like when it is
 *
 * <ul>
 *   <li>null, a String or a Boolean;
 *   <li>an Integer, Long, Short, Byte, BigInteger or BigDecimal, or a finite Double or Float;
 *   <li>a List or an {@code Object[]} of JSON-like values, or a Map with String keys and JSON-like
 *       values, nested at most {@link #MAX_DEPTH} deep (so a list or map that contains itself is
 *       not JSON-like).
 * </ul>
 *
 * Anything else (a jsoup {@code Element}, a bean, an {@code Optional}, a {@code Set}, NaN, a map
 * with an Integer key) is not; the results file writes it through databind when it can, and
 * {@link #writeProblem} says whether it can. Stateless and thread-safe;
 * a check is one pass over the values, and words a problem only when it finds one.
 */
public final class JsonData {
  /**
   * How deep a field's value may nest lists and maps, the value itself counting as one: the
   * results-file writer's limit ({@link StreamWriteConstraints#DEFAULT_MAX_DEPTH}, 500) less the
   * line's own object and its {@code data} object.
   */
  public static final int MAX_DEPTH = StreamWriteConstraints.DEFAULT_MAX_DEPTH - 2;
  private static final String HINT = " (return a String, number, boolean, list or map)";
  private static final String NUMBER_HINT = " (return an Integer, Long, Double or BigDecimal)";

  private JsonData() {}

  /** True when every value of {@code data} is JSON-like: {@link #problem} is null. */
  public static boolean isJson(Map<String, ?> data) {
    return problem(data) == null;
  }

  /**
   * Null when every value of {@code data} is JSON-like; otherwise one line naming the first field
   * that is not, where in it the problem is (jq style: {@code [2].name}), and what it is: {@code
   * field "x" at [0]: a org.jsoup.nodes.Element is not a JSON value (return a String, number,
   * boolean, list or map)}. Never calls a value's {@code toString}, {@code equals} or
   * {@code hashCode}.
   */
  public static String problem(Map<String, ?> data) {
    for (Map.Entry<String, ?> field : data.entrySet()) {
      String problem = fieldProblem(field, false);
      if (problem != null) return problem;
    }
    return null;
  }

  /**
   * Null when the results file can write {@code data}: it is JSON-like, or its values that are not
   * are of types databind writes, as the results file then does (an enum as its name, a {@code
   * Set} or an {@code int[]} as an array, an {@code AtomicInteger} as a number, a {@code Character}
   * as a string, a bean as an object of its properties). Otherwise what {@link #problem} says of
   * the first field it cannot write: NaN, nesting too deep (a map that contains itself), or a value
   * databind fails on (a jsoup {@code Element}, a bean whose getter throws). Such a field is written
   * once by databind into nothing, to know; JSON-like data costs only the check.
   */
  public static String writeProblem(Map<String, ?> data) {
    for (Map.Entry<String, ?> field : data.entrySet()) {
      String problem = fieldProblem(field, true);
      if (problem != null) return problem;
    }
    return null;
  }

  private static String fieldProblem(Map.Entry<String, ?> field, boolean databindMayWrite) {
    Object name = field.getKey(); // a String, unless the map came through a raw type
    if (!(name instanceof String)) return "a field named by a " + typeOf(name) + " is not JSON (names must be Strings)";
    DataProblem problem = check(field.getValue(), 1);
    if (problem == null || databindMayWrite && problem.typeOnly() && Databind.writes(field.getValue())) return null;
    return "field " + DataProblem.quote((String) name) + problem.describe();
  }

  /** The results file's mapper, built once it is first needed (an immutable, thread-safe constant). */
  private static final class Databind {
    private static final JsonMapper MAPPER = ResultJson.mapper();

    /** True when databind writes {@code value} without failing (deep, cyclic or throwing values fail). */
    static boolean writes(Object value) {
      try {
        MAPPER.writeValue(OutputStream.nullOutputStream(), value);
        return true;
      } catch (RuntimeException | StackOverflowError e) {
        return false;
      }
    }
  }

  /** Null when {@code value}, at nesting {@code depth} (a field's value: 1), is JSON-like. */
  private static DataProblem check(Object value, int depth) {
    // instanceof rather than a pattern switch, as in the serializer: its bootstrap costs start-up time.
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof BigDecimal || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte) {
      return null;
    }
    if (value instanceof Double d) return Double.isFinite(d) ? null : DataProblem.notFinite(d.toString());
    if (value instanceof Float f) return Float.isFinite(f) ? null : DataProblem.notFinite(f.toString());
    boolean container = value instanceof List<?> || value instanceof Object[] || value instanceof Map<?, ?>;
    if (!container) {
      String hint = value instanceof Number ? NUMBER_HINT : HINT;
      return DataProblem.of("a " + typeOf(value) + " is not a JSON value" + hint);
    }
    if (depth > MAX_DEPTH) return DataProblem.tooDeep(value);
    if (value instanceof List<?> list) return checkElements(list, list, depth);
    if (value instanceof Object[] array) return checkElements(array, Arrays.asList(array), depth);
    return checkMap((Map<?, ?>) value, depth);
  }

  /** The elements of {@code container} (a List, or an array as {@code elements}), at {@code depth}. */
  private static DataProblem checkElements(Object container, List<?> elements, int depth) {
    int index = 0;
    for (Object element : elements) {
      DataProblem problem = check(element, depth + 1);
      if (problem != null) return problem.within(container, "[" + index + "]");
      index++;
    }
    return null;
  }

  private static DataProblem checkMap(Map<?, ?> map, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        return DataProblem.of("a map with a " + typeOf(entry.getKey())
            + " key is not a JSON object (keys must be Strings)");
      }
      DataProblem problem = check(entry.getValue(), depth + 1);
      if (problem != null) return problem.within(map, DataProblem.member(key));
    }
    return null;
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getTypeName();
  }
}
