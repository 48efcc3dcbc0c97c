package io.crawlpipe.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link CrawlResult} field by field on the streaming generator: the same bytes as
 * databind's bean serialization under {@link ResultJson}'s settings (snake_case names in record
 * order, nulls written, {@code error.type} as {@link ErrorType#code()}), but {@code fetched_at} in
 * the fixed form of {@link IsoInstant} (six fraction digits, where databind writes {@link
 * Instant#toString()}'s 0, 3, 6 or 9), without the generic bean machinery, which dominates the cost of a
 * result line while the JIT is cold.
 *
 * <p>JSON-like values in {@code data} ({@link JsonData}: null, String, Boolean, Character, an enum
 * constant, the JDK's integer and decimal types, finite Double and Float, a Collection, an {@code
 * Object[]} or a primitive array, or a Map with String, Character, number or enum keys, of such
 * values) are written directly, as databind would write them (but that Jackson annotations on an
 * enum are not read: it is its {@code toString()}); anything else goes
 * through databind ({@link SerializationContext#writeValue}), so it is written exactly as before.
 * A result whose data is all JSON-like ({@link #isPlain}, true for everything the extraction rules
 * produce and for every line the crawler stores: it checks each page's data by the same rule) needs
 * no databind at all: {@link #write} then accepts a null context, which lets {@link
 * ResultLineEncoder} write lines on a bare jackson-core generator.
 *
 * <p>Two more differences from bean serialization, in every string: an unpaired surrogate (a title
 * decoded from {@code &#xD800;}) is written as U+FFFD, not as the JSON escape of a lone surrogate,
 * which jq and Python refuse ({@link WellFormedText}); and U+0085, U+2028 and U+2029 are written
 * as JSON escapes (<code>&#92;u2028</code>), not raw, since Python's {@code splitlines()} and editors
 * break lines at them ({@link SeparatorEscapedText}). Stateless and thread-safe.
 */
final class CrawlResultSerializer extends ValueSerializer<CrawlResult> {
  private static final SerializableString URL = new SerializedString("url");
  private static final SerializableString FINAL_URL = new SerializedString("final_url");
  private static final SerializableString STATUS = new SerializedString("status");
  private static final SerializableString OK = new SerializedString("ok");
  private static final SerializableString CONTENT_TYPE = new SerializedString("content_type");
  private static final SerializableString BYTES = new SerializedString("bytes");
  private static final SerializableString TITLE = new SerializedString("title");
  private static final SerializableString CHARSET = new SerializedString("charset");
  private static final SerializableString FETCHED_AT = new SerializedString("fetched_at");
  private static final SerializableString ELAPSED_MS = new SerializedString("elapsed_ms");
  private static final SerializableString ATTEMPTS = new SerializedString("attempts");
  private static final SerializableString DATA = new SerializedString("data");
  private static final SerializableString ERROR = new SerializedString("error");
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString MESSAGE = new SerializedString("message");

  @Override
  public Class<?> handledType() {
    return CrawlResult.class;
  }

  @Override
  public void serialize(CrawlResult result, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
    write(result, gen, ctxt);
  }

  /**
   * True when every value in the result's {@code data} is JSON-like ({@link JsonData#isJson}), so
   * {@link #write} needs no context.
   */
  static boolean isPlain(CrawlResult result) {
    return JsonData.isJson(result.data());
  }

  /**
   * Writes {@code result} as one JSON object.
   *
   * @param ctxt writes the values that are not plain; may be null when {@link #isPlain} is true
   */
  static void write(CrawlResult result, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeStartObject(result);
    gen.writeName(URL);
    writeText(result.url(), gen);
    gen.writeName(FINAL_URL);
    writeText(result.finalUrl(), gen);
    gen.writeName(STATUS);
    if (result.status() == null) gen.writeNull(); else gen.writeNumber(result.status().intValue());
    gen.writeName(OK);
    gen.writeBoolean(result.ok());
    gen.writeName(CONTENT_TYPE);
    writeText(result.contentType(), gen);
    gen.writeName(BYTES);
    gen.writeNumber(result.bytes());
    gen.writeName(TITLE);
    writeText(result.title(), gen);
    gen.writeName(CHARSET);
    writeText(result.charset(), gen);
    gen.writeName(FETCHED_AT);
    gen.writeString(IsoInstant.format(result.fetchedAt()));
    gen.writeName(ELAPSED_MS);
    gen.writeNumber(result.elapsedMs());
    gen.writeName(ATTEMPTS);
    gen.writeNumber(result.attempts());
    gen.writeName(DATA);
    writeValue(result.data(), gen, ctxt);
    gen.writeName(ERROR);
    writeError(result.error(), gen);
    gen.writeEndObject();
  }

  private static void writeError(ResultError error, JsonGenerator gen) {
    if (error == null) {
      gen.writeNull();
      return;
    }
    gen.writeStartObject(error);
    gen.writeName(TYPE);
    gen.writeString(error.type().code());
    gen.writeName(MESSAGE);
    writeText(error.message(), gen);
    gen.writeEndObject();
  }

  /**
   * Writes {@code text} as a JSON string (null as null): as it is when {@link WellFormedText#isSafe}
   * (nearly always; one scan), else with unpaired surrogates replaced and U+0085, U+2028, U+2029 escaped.
   */
  private static void writeText(String text, JsonGenerator gen) {
    if (text == null) {
      gen.writeNull();
    } else if (WellFormedText.isSafe(text)) {
      gen.writeString(text);
    } else {
      gen.writeString(new SeparatorEscapedText(WellFormedText.of(text)));
    }
  }

  /** Writes {@code name} as a property name, made safe as {@link #writeText} makes a value. */
  private static void writeName(String name, JsonGenerator gen) {
    if (WellFormedText.isSafe(name)) {
      gen.writeName(name);
    } else {
      gen.writeName(new SeparatorEscapedText(WellFormedText.of(name)));
    }
  }

  /** Writes one value: a JSON-like one directly, any other through databind. */
  private static void writeValue(Object value, JsonGenerator gen, SerializationContext ctxt) {
    // instanceof rather than a pattern switch: its bootstrap would cost start-up time.
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      writeText(s, gen);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Integer i) {
      gen.writeNumber(i.intValue());
    } else if (value instanceof Long l) {
      gen.writeNumber(l.longValue());
    } else if (value instanceof BigDecimal d) {
      gen.writeNumber(d);
    } else if (value instanceof BigInteger n) {
      gen.writeNumber(n);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      gen.writeNumber(d.doubleValue());
    } else if (value instanceof Float f && Float.isFinite(f)) {
      gen.writeNumber(f.floatValue());
    } else if (value instanceof Short s) {
      gen.writeNumber(s.shortValue());
    } else if (value instanceof Byte small) {
      gen.writeNumber(small.intValue());
    } else if (JsonData.isWrittenAsText(value)) {
      writeText(JsonData.keyText(value), gen);
    } else if (value instanceof AtomicInteger || value instanceof AtomicLong) {
      gen.writeNumber(((Number) value).longValue());
    } else if (value instanceof Collection<?> collection) {
      writeList(collection, gen, ctxt);
    } else if (value instanceof Object[] array) {
      writeArray(array, gen, ctxt);
    } else if (value instanceof Map<?, ?> map && hasOnlyKeys(map)) {
      writeMap(map, gen, ctxt);
    } else if (JsonData.isPrimitiveArray(value)) {
      writeList(JsonData.primitives(value), gen, ctxt);
    } else if (ctxt != null) {
      ctxt.writeValue(gen, value);
    } else {
      throw new IllegalStateException("not a JSON-like value, needs databind: " + value.getClass().getName());
    }
  }

  private static void writeList(Collection<?> list, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeStartArray(list, list.size());
    for (Object element : list) writeValue(element, gen, ctxt);
    gen.writeEndArray();
  }

  private static void writeArray(Object[] array, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeStartArray(array, array.length);
    for (Object element : array) writeValue(element, gen, ctxt);
    gen.writeEndArray();
  }

  private static void writeMap(Map<?, ?> map, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeStartObject(map, map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      writeName(JsonData.keyText(entry.getKey()), gen);
      writeValue(entry.getValue(), gen, ctxt);
    }
    gen.writeEndObject();
  }

  private static boolean hasOnlyKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!JsonData.isKey(key)) return false;
    }
    return true;
  }
}
