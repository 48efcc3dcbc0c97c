package io.crawlpipe.store;

import static io.crawlpipe.store.ResultSamples.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ObjectWriter;

class CrawlResultSerializerTest {
  private final JsonMapper fast = ResultJson.mapper();
  /** Plain bean serialization under the same schema settings, as the results file writes it: the bytes to match. */
  private final ObjectWriter reference = ResultSamples.reference();

  @Test
  void resultMapperUsesTheSerializerAndTheReferenceDoesNot() {
    assertThat(fast._serializationContext().findValueSerializer(CrawlResult.class))
        .isInstanceOf(CrawlResultSerializer.class);
    assertThat(ResultJson.schema().build()._serializationContext().findValueSerializer(CrawlResult.class))
        .isNotInstanceOf(CrawlResultSerializer.class);
  }

  @Test
  void writesTheDocumentedLineForASuccess() {
    CrawlResult result = new CrawlResult("http://127.0.0.1:8000/p1.html", "http://127.0.0.1:8000/p1.html", 200,
        true, "text/html", 63, "Page 1", "UTF-8", Instant.parse("2026-11-22T18:50:27.768372182Z"), 151, 1,
        Map.of(), null);
    assertThat(fast.writeValueAsString(result)).isEqualTo("{\"url\":\"http://127.0.0.1:8000/p1.html\","
        + "\"final_url\":\"http://127.0.0.1:8000/p1.html\",\"status\":200,\"ok\":true,\"content_type\":\"text/html\","
        + "\"bytes\":63,\"title\":\"Page 1\",\"charset\":\"UTF-8\",\"fetched_at\":\"2026-11-22T18:50:27.768372Z\","
        + "\"elapsed_ms\":151,\"attempts\":1,\"data\":{},\"error\":null}");
  }

  @Test
  void successWithTitleCharsetAndFieldsMatchesBeanSerialization() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("headline", "Breaking");
    data.put("tags", List.of("a", "b"));
    assertSameBytes(ResultSamples.success(data));
    assertSameBytes(ResultSamples.success(Map.of()));
  }

  @Test
  void nestedListsMapsNumbersBooleansAndNullsMatchBeanSerialization() {
    assertSameBytes(ResultSamples.success(ResultSamples.nestedData()));
  }

  @Test
  void failuresOfEveryErrorTypeMatchBeanSerialization() {
    List<CrawlResult> failures = ResultSamples.failures();
    assertThat(failures).hasSize(2 * ErrorType.values().length);
    failures.forEach(this::assertSameBytes);
  }

  @Test
  void absentFactsAreWrittenAsNullsLikeBeanSerialization() {
    assertSameBytes(new CrawlResult("http://a.test/", null, null, false, null, 0, null, null, AT, 0, 0, null, null));
    assertSameBytes(new CrawlResult("http://a.test/404", "http://a.test/404", 404, false, null, 12, null, null,
        AT, 5, 1, Map.of(), null));
  }

  @Test
  void quotesBackslashesControlCharactersAndNonBmpTextMatchBeanSerialization() {
    for (String text : ResultSamples.AWKWARD_TEXT) {
      assertSameBytes(new CrawlResult(text, text, 200, true, text, 1, text, text, AT, 1, 1,
          Map.of(text, text), null));
      assertSameBytes(CrawlResult.failure(text, AT, 0, 0, new ResultError(ErrorType.INVALID_URL, text)));
    }
  }

  @Test
  void unpairedSurrogatesInEveryStringAreWrittenAsReplacementCharacters() {
    ResultSamples.LONE_SURROGATES.forEach((text, wellFormed) -> {
      CrawlResult raw = new CrawlResult(text, text, 200, true, text, 1, text, text, AT, 1, 1,
          Map.of(text, List.of(text, Map.of(text, text))), null);
      CrawlResult clean = new CrawlResult(wellFormed, wellFormed, 200, true, wellFormed, 1, wellFormed, wellFormed,
          AT, 1, 1, Map.of(wellFormed, List.of(wellFormed, Map.of(wellFormed, wellFormed))), null);
      String line = fast.writeValueAsString(raw);
      assertThat(line).as(text).isEqualTo(reference.writeValueAsString(clean)).doesNotContainIgnoringCase("\\ud");
      assertThat(fast.writeValueAsString(CrawlResult.failure("u", AT, 0, 0, new ResultError(ErrorType.IO, text))))
          .isEqualTo(reference.writeValueAsString(CrawlResult.failure("u", AT, 0, 0,
              new ResultError(ErrorType.IO, wellFormed))));
      byte[] bytes = fast.writeValueAsBytes(raw);
      assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    });
  }

  @Test
  void lineSeparatorsParagraphSeparatorsAndNextLinesInEveryStringAreWrittenAsEscapes() {
    String text = "a\u2028b\u2029c \"q\"\n\ud800 😀\u0085.";
    String clean = "a\u2028b\u2029c \"q\"\n\ufffd 😀\u0085.";
    CrawlResult raw = new CrawlResult(text, text, 200, true, text, 1, text, text, AT, 1, 1,
        Map.of(text, List.of(text, Map.of(text, text))), null);
    CrawlResult invalid = CrawlResult.failure(text, AT, 0, 0, new ResultError(ErrorType.INVALID_URL, "bad: " + text));
    for (CrawlResult result : List.of(raw, invalid)) {
      for (byte[] bytes : List.of(fast.writeValueAsBytes(result), writeWithoutDatabind(result))) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("\u2028", "\u2029", "\u0085")
            .contains("a\\u2028b\\u2029c \\\"q\\\"\\n\ufffd 😀\\u0085.");
        assertThat(line.split("\\R", -1)).as("lines as Python's splitlines() counts them").hasSize(1);
        CrawlResult read = fast.readValue(bytes, CrawlResult.class);
        assertThat(read.url()).isEqualTo(clean);
        assertThat(read.data()).isEqualTo(result.data().isEmpty() ? Map.of() : Map.of(clean, List.of(clean, Map.of(clean, clean))));
      }
    }
  }

  @Test
  void textWithoutSeparatorsOrSurrogatesIsWrittenAsTheGeneratorWritesIt() {
    String text = "Seite \"über\" 中文 😀 \u2027\u202a\u0084\u0086\t";
    CrawlResult result = new CrawlResult(text, text, 200, true, text, 1, text, text, AT, 1, 1, Map.of(text, text), null);
    assertThat(new String(fast.writeValueAsBytes(result), StandardCharsets.UTF_8))
        .contains("\"title\":\"Seite \\\"über\\\" 中文 😀 \u2027\u202a\u0084\u0086\\t\"");
    assertSameBytes(result);
  }

  @Test
  void instantsOfEveryPrecisionAndEraMatchBeanSerialization() {
    for (Instant at : ResultSamples.INSTANTS) {
      assertSameBytes(new CrawlResult("http://a.test/", null, null, false, null, 0, null, null, at, 0, 0, null,
          new ResultError(ErrorType.DNS, "x")));
    }
  }

  @Test
  void thousandsOfRandomResultsMatchBeanSerialization() {
    ResultSamples.random(3_000, 42).forEach(this::assertSameBytes);
  }

  @Test
  void aValueWhoseAccessorThrowsFailsAsItDidBefore() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("broken", new ResultSamples.Exploding());
    CrawlResult result = ResultSamples.success(data);
    assertThatThrownBy(() -> reference.writeValueAsBytes(result)).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> fast.writeValueAsBytes(result))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("boom");
  }

  @Test
  void linesReadBackWithTheResultMapperAsEqualResults() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", "Widget \"pro\" 😀");
    data.put("rank", 3);
    data.put("on", true);
    data.put("none", null);
    data.put("list", Arrays.asList("a", null, List.of(1, 2), Map.of("k", "v")));
    data.put("map", Map.of("inner", List.of()));
    data.put("awkward \"key\"\n😀\u0000", "value");
    List<CrawlResult> results = new ArrayList<>(ResultSamples.failures());
    results.add(ResultSamples.success(data));
    for (String text : ResultSamples.AWKWARD_TEXT) {
      results.add(new CrawlResult(text, text, 301, false, text, 9, text, "UTF-8", AT, 1, 3, Map.of("k", text), null));
    }
    for (Instant at : ResultSamples.INSTANTS) results.add(CrawlResult.failure("u", at, 1, 1, new ResultError(ErrorType.IO, "x")));
    for (CrawlResult result : results) {
      byte[] line = fast.writeValueAsBytes(result);
      assertThat(fast.readValue(line, CrawlResult.class)).as(new String(line, StandardCharsets.UTF_8))
          .isEqualTo(toMicros(result));
    }
  }

  /** {@code result} with {@code fetched_at} as its line holds it: truncated to microseconds. */
  private static CrawlResult toMicros(CrawlResult r) {
    return new CrawlResult(r.url(), r.finalUrl(), r.status(), r.ok(), r.contentType(), r.bytes(), r.title(),
        r.charset(), r.fetchedAt().truncatedTo(ChronoUnit.MICROS), r.elapsedMs(), r.attempts(), r.data(), r.error());
  }

  @Test
  void everythingTheExtractionRulesProduceIsPlain() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", "t");
    data.put("flag", true);
    data.put("count", 3L);
    data.put("int", 3);
    data.put("huge", new BigInteger("123456789012345678901234567890"));
    data.put("price", new BigDecimal("19.90"));
    data.put("none", null);
    data.put("items", List.of(Map.of("name", "x", "tags", Arrays.asList("a", null))));
    assertThat(CrawlResultSerializer.isPlain(ResultSamples.success(data))).isTrue();
    assertThat(CrawlResultSerializer.isPlain(ResultSamples.success(Map.of()))).isTrue();
    ResultSamples.random(200, 3).forEach(r -> assertThat(CrawlResultSerializer.isPlain(r)).isTrue());
  }

  @Test
  void doublesFloatsShortsBytesAndArraysArePlainAndMatchBeanSerialization() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("double", 0.1d);
    data.put("tiny", -1.0E-300d);
    data.put("huge", Double.MAX_VALUE);
    data.put("float", 1.1f);
    data.put("short", (short) -7);
    data.put("byte", (byte) 127);
    data.put("words", new String[] {"a", "b"});
    data.put("mixed", new Object[] {1, null, List.of(2.5d), new Object[0], Map.of("f", 3.0f)});
    CrawlResult result = ResultSamples.success(data);
    assertThat(CrawlResultSerializer.isPlain(result)).isTrue();
    assertSameBytes(result);
  }

  enum Day {
    MONDAY,
    TUESDAY {
      @Override
      public String toString() {
        return "tue";
      }
    }
  }

  @Test
  void javaValuesJsonWritesPlainlyAreWrittenWithoutDatabindInTheSameBytes() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("set", new java.util.TreeSet<>(List.of("b", "a")));
    data.put("days", List.of(Day.MONDAY, Day.TUESDAY));
    data.put("char", 'é');
    data.put("atomics", List.of(new java.util.concurrent.atomic.AtomicInteger(3), new java.util.concurrent.atomic.AtomicLong(-4)));
    data.put("primitives", List.of(new int[] {1, 2}, new long[] {3}, new double[] {0.5}, new boolean[] {true}));
    data.put("keys", new java.util.TreeMap<>(Map.of(1, "one", 2, "two")));
    data.put("enum_keys", new java.util.TreeMap<>(Map.of(Day.MONDAY, "mon", Day.TUESDAY, "tue")));
    CrawlResult result = ResultSamples.success(data);
    assertThat(CrawlResultSerializer.isPlain(result)).isTrue();
    assertSameBytes(result);
  }

  @Test
  void anyOtherValueAtAnyDepthIsNotPlain() {
    for (Object other : List.<Object>of(Double.NaN, Float.NEGATIVE_INFINITY, Instant.EPOCH, new byte[] {1},
        new ResultSamples.Point(1, 2), new char[] {'a'}, Map.of(List.of(), "list key"),
        List.of(List.of(Map.of("k", Double.NaN))))) {
      assertThat(CrawlResultSerializer.isPlain(ResultSamples.success(Map.of("v", other)))).as("%s", other).isFalse();
    }
  }

  @Test
  void writingWithoutDatabindRefusesAValueThatIsNotPlain() {
    CrawlResult result = ResultSamples.success(Map.of("v", Instant.EPOCH));
    assertThatThrownBy(() -> writeWithoutDatabind(result))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.time.Instant");
  }

  /** Compares with the reference through the mapper and, for plain data, through jackson-core alone. */
  private void assertSameBytes(CrawlResult result) {
    byte[] expected = reference.writeValueAsBytes(result);
    assertSameBytes(expected, fast.writeValueAsBytes(result));
    if (CrawlResultSerializer.isPlain(result)) assertSameBytes(expected, writeWithoutDatabind(result));
  }

  private static void assertSameBytes(byte[] expected, byte[] actual) {
    assertThat(actual).as("expected %s%nbut was  %s", new String(expected, StandardCharsets.UTF_8),
        new String(actual, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  private static byte[] writeWithoutDatabind(CrawlResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = ResultJson.factory().createGenerator(ObjectWriteContext.empty(), out)) {
      CrawlResultSerializer.write(result, gen, null);
    }
    return out.toByteArray();
  }
}
