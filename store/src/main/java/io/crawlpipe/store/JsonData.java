package io.crawlpipe.store;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.StreamWriteConstraints;

/**
 * What a result's {@code data} may hold: the one rule for JSON-like values, by which the crawler
 * checks a page's data before storing it and the results file writes it without databind ({@link
 * CrawlResultSerializer}). A value is JSON-like when it is
 *
 * <ul>
 *   <li>null, a String, a Boolean, a Character or an enum constant (its {@code toString()});
 *   <li>an Integer, Long, Short, Byte, BigInteger, BigDecimal, AtomicInteger or AtomicLong, or a
 *       finite Double or Float;
 *   <li>a Collection (a List, a Set), an {@code Object[]} or an array of a primitive type other
 *       than byte and char, of JSON-like values, or a Map of them whose keys are Strings, numbers,
 *       Characters or enum constants, no two of them written as the same name ({@code 1} and {@code
 *       "1"}), nested at most {@link #MAX_DEPTH} deep (so a collection or map that contains itself
 *       is not JSON-like).
 * </ul>
 *
 * Anything else (a jsoup {@code Element}, a bean, a record, an {@code Optional}, an {@code
 * Instant}, an {@code Iterator} or a {@code Stream}, NaN) is not. Stateless and thread-safe; a check
 * is one pass over the values (a Collection is iterated, then again when written), and words a
 * problem only when it finds one.
 */
public final class JsonData {
  /**
   * How deep a field's value may nest lists and maps, the value itself counting as one: the
   * results-file writer's limit ({@link StreamWriteConstraints#DEFAULT_MAX_DEPTH}, 500) less the
   * line's own object and its {@code data} object.
   */
  public static final int MAX_DEPTH = StreamWriteConstraints.DEFAULT_MAX_DEPTH - 2;
  private static final String HINT = " (return a String, number, boolean, list or map)";
  private static final String UNWRITABLE_ENUM = "an enum constant whose toString() fails or is null is not a JSON value";
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
   * boolean, list or map)}. Never calls a value's {@code toString} (but an enum constant's, which
   * is how it is written, inside a try), {@code equals} or {@code hashCode}.
   */
  public static String problem(Map<String, ?> data) {
    for (Map.Entry<String, ?> field : data.entrySet()) {
      Object name = field.getKey(); // a String, unless the map came through a raw type
      if (!(name instanceof String)) return "a field named by a " + typeOf(name) + " is not JSON (names must be Strings)";
      DataProblem problem = check(field.getValue(), 1);
      if (problem != null) return "field " + DataProblem.quote((String) name) + problem.describe();
    }
    return null;
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
    if (value instanceof AtomicInteger || value instanceof AtomicLong || value instanceof Character) return null;
    if (value instanceof Enum<?>) return hasText(value) ? null : DataProblem.of(UNWRITABLE_ENUM);
    if (!isContainer(value)) {
      String hint = value instanceof Number ? NUMBER_HINT : HINT;
      return DataProblem.of("a " + typeOf(value) + " is not a JSON value" + hint);
    }
    if (depth > MAX_DEPTH) return DataProblem.tooDeep(value);
    if (value instanceof Collection<?> collection) return checkElements(collection, collection, depth);
    if (value instanceof Object[] array) return checkElements(array, Arrays.asList(array), depth);
    if (value instanceof Map<?, ?> map) return checkMap(map, depth);
    return checkElements(value, primitives(value), depth);
  }

  /**
   * A Character or an enum constant: written as a string, its {@code toString()} (an enum's name
   * unless it overrides it), as databind 3 writes them ({@code EnumFeature.WRITE_ENUMS_USING_TO_STRING});
   * Jackson annotations on an enum ({@code @JsonValue}, {@code @JsonProperty}) are not read.
   */
  static boolean isWrittenAsText(Object value) {
    return value instanceof Character || value instanceof Enum<?>;
  }

  /** A Collection, an {@code Object[]}, a Map, or an array of a primitive type but byte and char. */
  private static boolean isContainer(Object value) {
    return value instanceof Collection<?> || value instanceof Object[] || value instanceof Map<?, ?>
        || isPrimitiveArray(value);
  }

  /** An array of a primitive type other than byte and char (databind writes those two as strings). */
  static boolean isPrimitiveArray(Object value) {
    Class<?> component = value.getClass().getComponentType();
    return component != null && component.isPrimitive() && component != byte.class && component != char.class;
  }

  /** The elements of {@code array}, an array of a primitive type, boxed. */
  static List<Object> primitives(Object array) {
    List<Object> elements = new ArrayList<>(Array.getLength(array));
    for (int i = 0; i < Array.getLength(array); i++) elements.add(Array.get(array, i));
    return elements;
  }

  /**
   * A map key written as a member name, its {@code toString()}: a String, a Character, a number of
   * a type a value may be (not NaN-checked: databind writes a NaN key as {@code "NaN"}), or an enum
   * constant whose {@code toString()} gives a string.
   */
  static boolean isKey(Object key) {
    return key instanceof String || key instanceof Character || key instanceof Integer || key instanceof Long
        || key instanceof Double || key instanceof Float || key instanceof BigDecimal || key instanceof BigInteger
        || key instanceof Short || key instanceof Byte || key instanceof AtomicInteger || key instanceof AtomicLong
        || key instanceof Enum<?> && hasText(key);
  }

  /** True when {@code constant}'s {@code toString()}, which is how it is written, gives a string. */
  private static boolean hasText(Object constant) {
    try {
      return constant.toString() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** How a key ({@link #isKey}) is written. */
  static String keyText(Object key) {
    return key.toString();
  }

  /** The elements of {@code container} (a Collection, or an array as {@code elements}), at {@code depth}. */
  private static DataProblem checkElements(Object container, Collection<?> elements, int depth) {
    int index = 0;
    for (Object element : elements) {
      DataProblem problem = check(element, depth + 1);
      if (problem != null) return problem.within(container, "[" + index + "]");
      index++;
    }
    return null;
  }

  private static DataProblem checkMap(Map<?, ?> map, int depth) {
    boolean onlyStrings = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!isKey(entry.getKey())) {
        return DataProblem.of("a map with a " + typeOf(entry.getKey())
            + " key is not a JSON object (keys must be Strings, Characters, numbers or enums)");
      }
      onlyStrings &= entry.getKey() instanceof String;
      DataProblem problem = check(entry.getValue(), depth + 1);
      if (problem != null) return problem.within(map, DataProblem.member(keyText(entry.getKey())));
    }
    return onlyStrings ? null : sameName(map);
  }

  /**
   * Null unless two of {@code map}'s keys are written as one member name ({@code 1} and {@code "1"},
   * two enum constants with one {@code toString()}): a consumer would keep only one of the values.
   * Called only for a map with a key that is not a String, as a map's String keys are distinct.
   */
  private static DataProblem sameName(Map<?, ?> map) {
    Set<String> names = new HashSet<>();
    for (Object key : map.keySet()) {
      String name = keyText(key);
      if (!names.add(name)) {
        return DataProblem.of("a map with two keys written as " + DataProblem.quote(name) + " is not a JSON object");
      }
    }
    return null;
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getTypeName();
  }
}
