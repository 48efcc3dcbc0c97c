package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rule for what a result's data may hold, and the one line that says where a value breaks it. */
class JsonDataTest {
  private static final String HINT = " is not a JSON value (return a String, number, boolean, list or map)";

  /** Would fail the test if the check printed, compared or hashed a value. */
  static final class Touchy {
    @Override public String toString() { throw new AssertionError("toString"); }
    @Override public int hashCode() { throw new AssertionError("hashCode"); }
    @Override public boolean equals(Object other) { throw new AssertionError("equals"); }
  }

  @Test
  void everyJsonLikeShapeIsAccepted() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("none", null);
    data.put("scalars", Arrays.asList("s", true, 1, 2L, (short) 3, (byte) 4, 0.5d, 1.5f,
        new BigInteger("123456789012345678901234567890"), new BigDecimal("19.90")));
    data.put("array", new Object[] {"a", new String[] {"b"}, Map.of("k", List.of())});
    Map<String, Object> samples = new LinkedHashMap<>(ResultSamples.nestedData());
    for (String notJson : List.of("record", "instant", "bean_without_properties")) {
      assertThat(JsonData.problem(Map.of(notJson, samples.remove(notJson)))).as(notJson).startsWith("field \"" + notJson + "\"");
    }
    data.put("nested", samples);
    assertThat(JsonData.problem(data)).isNull();
    assertThat(JsonData.isJson(Map.of())).isTrue();
    ResultSamples.random(200, 5).forEach(r -> assertThat(JsonData.isJson(r.data())).isTrue());
  }

  enum Day { MONDAY }

  /** An enum whose toString(), which is how a constant is written, fails. */
  enum Broken {
    CONSTANT;

    @Override
    public String toString() {
      throw new IllegalStateException("no text");
    }
  }

  /** Bean whose one property cannot be read. */
  public static final class Throwing {
    public int getScore() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void commonJavaValuesThatJsonWritesPlainlyAreAcceptedButOneShotOnesAreNot() {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("atomic", new java.util.concurrent.atomic.AtomicInteger(3));
    written.put("set", new java.util.TreeSet<>(List.of("a", "b")));
    written.put("char", 'x');
    written.put("day", Day.MONDAY);
    written.put("ints", new int[] {1, 2});
    written.put("keys", Map.of(1, "one", Day.MONDAY, "mon"));
    assertThat(JsonData.problem(written)).isNull();

    assertThat(problem(List.of("a").iterator())).startsWith("field \"x\": a java.util.");
    assertThat(problem(java.util.stream.Stream.of("a"))).startsWith("field \"x\": a java.util.stream.");
    assertThat(problem(new double[] {1, Double.NaN})).isEqualTo("field \"x\" at [1]: NaN is not a JSON value (numbers must be finite)");
    assertThat(problem("bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("field \"x\": a byte[]" + HINT);
    assertThat(problem(new Throwing())).isEqualTo("field \"x\": a " + Throwing.class.getTypeName() + HINT);
  }

  @Test
  void aValueOfAnotherTypeIsNamedByItsClassWithAHint() {
    assertThat(problem(new StringBuilder("x"))).isEqualTo("field \"x\": a java.lang.StringBuilder" + HINT);
    assertThat(problem(Optional.empty())).isEqualTo("field \"x\": a java.util.Optional" + HINT);
    assertThat(problem(new char[] {'a'})).isEqualTo("field \"x\": a char[]" + HINT);
    assertThat(problem(new Touchy())).isEqualTo("field \"x\": a " + Touchy.class.getTypeName() + HINT);
    assertThat(problem(new java.util.concurrent.atomic.LongAdder())).isEqualTo("field \"x\": a java.util.concurrent.atomic.LongAdder"
        + " is not a JSON value (return an Integer, Long, Double or BigDecimal)");
  }

  @Test
  void numbersMustBeFinite() {
    assertThat(problem(Double.NaN)).isEqualTo("field \"x\": NaN is not a JSON value (numbers must be finite)");
    assertThat(problem(Float.NEGATIVE_INFINITY)).isEqualTo("field \"x\": -Infinity is not a JSON value (numbers must be finite)");
  }

  @Test
  void theProblemIsLocatedInsideTheFieldJqStyle() {
    assertThat(problem(List.of(1, Map.of("score", Double.POSITIVE_INFINITY))))
        .isEqualTo("field \"x\" at [1].score: Infinity is not a JSON value (numbers must be finite)");
    assertThat(problem(Map.of("a \"b\"", new Object[] {new Touchy()})))
        .isEqualTo("field \"x\" at [\"a \\\"b\\\"\"][0]: a " + Touchy.class.getTypeName() + HINT);
  }

  @Test
  void mapKeysMustBeStringsNumbersOrEnumsAndFieldNamesStrings() {
    assertThat(problem(Map.of("m", Map.of(List.of(1), "one")))).isEqualTo("field \"x\" at .m: a map with a"
        + " java.util.ImmutableCollections$List12 key is not a JSON object (keys must be Strings, Characters, numbers or"
        + " enums)");
    Map<Object, Object> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThat(problem(nullKey)).isEqualTo("field \"x\": a map with a null key is not a JSON object (keys must be"
        + " Strings, Characters, numbers or enums)");
    assertThat(problem(Map.of(new java.util.concurrent.atomic.LongAdder(), 1))).as("a Number of another type")
        .startsWith("field \"x\": a map with a java.util.concurrent.atomic.LongAdder key is not a JSON object");
    assertThat(problem(Map.of(Broken.CONSTANT, 1))).startsWith("field \"x\": a map with a ");
    assertThat(problem(Broken.CONSTANT)).isEqualTo("field \"x\": an enum constant whose toString() fails or is null"
        + " is not a JSON value");
    @SuppressWarnings("unchecked")
    Map<String, Object> rawNames = (Map<String, Object>) (Map<?, ?>) Map.of(7, "v");
    assertThat(JsonData.problem(rawNames)).isEqualTo("a field named by a java.lang.Integer is not JSON (names must be Strings)");
  }

  @Test
  void aMapWhoseKeysAreWrittenAsOneNameIsNotAJsonObject() {
    Map<Object, Object> numberAndText = new LinkedHashMap<>();
    numberAndText.put(1, "int");
    numberAndText.put("1", "str");
    assertThat(problem(Map.of("m", numberAndText)))
        .isEqualTo("field \"x\" at .m: a map with two keys written as \"1\" is not a JSON object");
    assertThat(problem(Map.of(Day.MONDAY, 1, "MONDAY", 2))).isEqualTo("field \"x\": a map with two keys written as"
        + " \"MONDAY\" is not a JSON object");
    assertThat(problem(Map.of('a', 1, "b", 2, 2L, 3))).as("distinct names of mixed types").isNull();
  }

  @Test
  void aListMapOrArrayThatContainsItselfIsNamedWithItsWayBack() {
    Map<String, Object> self = new HashMap<>();
    self.put("self", self);
    assertThat(problem(self)).isEqualTo("field \"x\": a java.util.HashMap that contains itself (at .self) is not a JSON value");
    List<Object> list = new ArrayList<>();
    list.add(Map.of("back", list));
    assertThat(problem(Map.of("wrap", list)))
        .isEqualTo("field \"x\" at .wrap: a java.util.ArrayList that contains itself (at [0].back) is not a JSON value");
    Map<String, Object> node = new HashMap<>();
    Map<String, Object> child = new HashMap<>();
    node.put("children", List.of(child));
    child.put("parent", node);
    assertThat(problem(node))
        .isEqualTo("field \"x\": a java.util.HashMap that contains itself (at .children[0].parent) is not a JSON value");
    Object[] array = new Object[1];
    array[0] = array;
    assertThat(problem(array)).isEqualTo("field \"x\": a java.lang.Object[] that contains itself (at [0]) is not a JSON value");
  }

  @Test
  void nestingIsBoundByWhatTheResultsFileCanWrite() {
    assertThat(JsonData.MAX_DEPTH).isEqualTo(498);
    assertThat(problem(nested(JsonData.MAX_DEPTH))).isNull();
    assertThat(problem(nested(JsonData.MAX_DEPTH + 1)))
        .isEqualTo("field \"x\": lists and maps nested deeper than 498 levels are not JSON the results file can hold");
  }

  @Test
  void theFirstBadFieldIsNamedOnOneLine() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("fine", "v");
    data.put("two\nlines \"" + "x".repeat(100), Optional.empty());
    data.put("later", Optional.empty());
    assertThat(JsonData.problem(data)).isEqualTo("field \"two\\u000alines \\\"" + "x".repeat(49) + "…\": a java.util.Optional" + HINT)
        .doesNotContain("\n");
  }

  private static String problem(Object value) {
    Map<String, Object> data = new HashMap<>();
    data.put("x", value);
    return JsonData.problem(data);
  }

  private static Object nested(int levels) {
    Object deep = "bottom";
    for (int i = 0; i < levels; i++) deep = List.of(deep);
    return deep;
  }
}
