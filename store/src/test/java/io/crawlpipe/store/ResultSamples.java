package io.crawlpipe.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.annotation.JsonSerialize;

/** Result lines that exercise every corner of the results-file schema, for the serializer tests. */
final class ResultSamples {
  static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

  /** Text that JSON must escape or encode carefully: quotes, backslashes, controls, non-BMP. */
  static final List<String> AWKWARD_TEXT = List.of(
      "", "plain", "say \"hi\"", "back\\slash\\", "tab\there", "line\nbreak\r\n", "nul\u0000byte",
      "controls \u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f", "line sep \u2028 para sep \u2029", "next line \u0085 end",
      "café ünïcödé", "中文标题", "emoji 😀👍🏽", "clef 𝄞 non-BMP", "</script><!--", "\uffff\ufffe",
      "http://h.test/a?q=\"x\"&b=\\y#frag");

  /** Text with unpaired surrogates, which a results line carries as U+FFFD: the same text with each replaced. */
  static final Map<String, String> LONE_SURROGATES = Map.of(
      "lone \ud800 high", "lone \ufffd high", "lone \udc00 low", "lone \ufffd low",
      "\udc00\ud800 reversed pair", "\ufffd\ufffd reversed pair", "end \ud83d", "end \ufffd",
      "pair \ud83d\ude00 then \ud83d", "pair \ud83d\ude00 then \ufffd");

  /** Instants with 0, 3, 6 and 9 fraction digits, the epoch, before it, and far-future years. */
  static final List<Instant> INSTANTS = List.of(
      Instant.parse("2026-11-22T10:15:30Z"), AT, Instant.parse("2026-11-22T10:15:30.123456Z"),
      Instant.parse("2026-11-22T18:50:27.768372182Z"), Instant.parse("2026-11-22T10:15:30.100Z"),
      Instant.parse("2026-11-22T10:15:30.000001Z"), Instant.EPOCH, Instant.ofEpochSecond(-1, 5),
      Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
      Instant.MAX, Instant.MIN, Instant.parse("0000-01-01T00:00:00.000000010Z"));

  private ResultSamples() {}

  /**
   * Plain bean serialization under the results-file schema settings, with the results file's
   * writing rules where they differ from databind's defaults: {@code fetched_at} in the fixed form
   * of {@link IsoInstant}, U+0085, U+2028 and U+2029 escaped. The bytes the results file's lines must equal.
   */
  static ObjectWriter reference() {
    return ResultJson.schema().addMixIn(CrawlResult.class, FixedFetchedAt.class).build().writer()
        .with(new LineBreakEscapes());
  }

  /** JSONP's escapes (U+2028, U+2029) and U+0085, the line breaks of Python's {@code splitlines()} JSON leaves raw. */
  private static final class LineBreakEscapes extends CharacterEscapes {
    private static final SerializableString NEXT_LINE = new SerializedString("\\u0085");

    @Override
    public int[] getEscapeCodesForAscii() {
      return JsonpCharacterEscapes.instance().getEscapeCodesForAscii();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x85 ? NEXT_LINE : JsonpCharacterEscapes.instance().getEscapeSequence(ch);
    }
  }

  /** Writes {@code fetched_at} as the results file does; other instants keep databind's form. */
  private abstract static class FixedFetchedAt {
    @JsonSerialize(using = IsoInstant.Serializer.class)
    abstract Instant fetchedAt();
  }

  /** A value no rule produces, which databind writes as a bean. */
  record Point(int x, int y) {}

  /** A bean whose only property cannot be read: databind fails on it. */
  static final class Exploding {
    public String getValue() {
      throw new IllegalStateException("boom");
    }
  }

  /** A success carrying rule data. */
  static CrawlResult success(Map<String, Object> data) {
    return new CrawlResult("http://a.test/", "http://a.test/home", 200, true, "text/html; charset=utf-8",
        30_720, "Home & friends", "UTF-8", AT, 42, 1, data, null);
  }

  /** Rule data of every JSON-like shape the parser produces, and some it does not. */
  static Map<String, Object> nestedData() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", "Widget \"pro\"");
    item.put("price", new BigDecimal("19.90"));
    item.put("stock", 12L);
    item.put("rank", 3);
    item.put("active", true);
    item.put("note", null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("items", List.of(item, Map.of("name", "second")));
    data.put("count", Long.MAX_VALUE);
    data.put("small", Integer.MIN_VALUE);
    data.put("huge", new BigInteger("123456789012345678901234567890"));
    data.put("ratio", new BigDecimal("1E+3"));
    data.put("tiny", new BigDecimal("-0.000000000001"));
    data.put("double", 0.1d);
    data.put("float", 2.5f);
    data.put("no", false);
    data.put("nothing", null);
    data.put("nulls", Arrays.asList(null, "a", null));
    data.put("empty_list", List.of());
    data.put("empty_map", Map.of());
    data.put("deep", List.of(List.of(List.of(1L, "x"), Map.of("k", List.of(true)))));
    data.put("set", new LinkedHashSet<>(List.of("b", "a")));
    data.put("int_keys", new LinkedHashMap<>(Map.of(1, "one")));
    data.put("array", new String[] {"x", "y"});
    data.put("record", new Point(1, -2));
    data.put("instant", AT);
    data.put("bean_without_properties", new Object());
    data.put("awkward \"key\"\n😀", "value");
    return data;
  }

  /** A failure of every error type, with the fetch facts some of them keep. */
  static List<CrawlResult> failures() {
    List<CrawlResult> results = new ArrayList<>();
    for (ErrorType type : ErrorType.values()) {
      results.add(CrawlResult.failure("http://f.test/" + type.code(), AT, 7, 2,
          new ResultError(type, "failed: " + type + " \"quoted\" \\ \n")));
      results.add(new CrawlResult("http://f.test/kept", "http://f.test/kept2", 200, false, "image/png",
          0, null, null, AT, 3, 1, Map.of(), new ResultError(type, null)));
    }
    return results;
  }

  /** Deterministic pseudo-random results mixing all of the above. */
  static List<CrawlResult> random(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<CrawlResult> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean failed = random.nextInt(4) == 0;
      ResultError error = failed ? new ResultError(pick(random, List.of(ErrorType.values())), text(random)) : null;
      Integer status = random.nextBoolean() ? null : 100 + random.nextInt(500);
      Map<String, Object> data = new LinkedHashMap<>();
      for (int f = random.nextInt(4); f > 0; f--) data.put(text(random), value(random, 3));
      results.add(new CrawlResult(text(random), random.nextBoolean() ? null : text(random), status,
          !failed && status != null && status / 100 == 2 && random.nextBoolean(), random.nextBoolean() ? null : text(random),
          random.nextLong(0, Long.MAX_VALUE), random.nextBoolean() ? null : text(random),
          random.nextBoolean() ? null : "windows-1252", instant(random), random.nextLong(0, 100_000),
          random.nextInt(0, 10), data, error));
    }
    return results;
  }

  private static Object value(SplittableRandom random, int depth) {
    return switch (random.nextInt(depth > 0 ? 9 : 6)) {
      case 0 -> null;
      case 1 -> text(random);
      case 2 -> random.nextLong();
      case 3 -> random.nextBoolean();
      case 4 -> random.nextInt();
      case 5 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(-3, 10));
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) list.add(value(random, depth - 1));
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) map.put(text(random), value(random, depth - 1));
        yield map;
      }
    };
  }

  private static String text(SplittableRandom random) {
    return pick(random, AWKWARD_TEXT) + random.nextInt(1000) + pick(random, AWKWARD_TEXT);
  }

  private static Instant instant(SplittableRandom random) {
    if (random.nextInt(4) == 0) return pick(random, INSTANTS);
    return Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
