package io.crawlpipe.crawler.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * The fields of one protocol line, read with jackson-core's streaming parser rather than data
 * binding (whose polymorphic, creator-based path is slow on the parent's C1-only JVM): by name,
 * whole numbers as {@code Long} (or {@code BigInteger} beyond a long), strings, other scalars as
 * their Java value, an object as its string-valued fields, an array of strings as a list (any
 * other array is skipped); {@code null} values are absent.
 * Unknown fields are kept and never asked for, so a version can add some. The typed getters
 * throw a {@link ProtocolException} naming the field and quoting the line. Not thread-safe;
 * valid while the line's buffer is (exceptions copy what they quote).
 */
final class MessageFields {
  /** A JSON object's string-valued fields; a record so that no unchecked cast is needed. */
  private record Strings(Map<String, String> map) {}

  /** A JSON array of strings. */
  private record Texts(List<String> list) {}

  /** What an array of anything but strings is kept as: its contents are skipped, no getter accepts it. */
  private enum Skipped { ARRAY }

  private final byte[] line;
  private final int length;
  private final Map<String, Object> values = new HashMap<>();

  private MessageFields(byte[] line, int length) {
    this.line = line;
    this.length = length;
  }

  /**
   * Reads the JSON object in {@code bytes[0, length)}; anything else is a ProtocolException. The
   * parser gets an empty read context: only the streaming API is used, so the data-binding
   * context a mapper would create for each line is not needed.
   */
  static MessageFields parse(TokenStreamFactory json, byte[] bytes, int length) throws ProtocolException {
    MessageFields fields = new MessageFields(bytes, length);
    try (JsonParser p = json.createParser(ObjectReadContext.empty(), bytes, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw fields.notProtocol("not a JSON object");
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        Object value = value(p, p.nextToken());
        if (value != null) fields.values.put(name, value);
      }
      if (p.nextToken() != null) throw fields.notProtocol("more after the object");
    } catch (JacksonException e) {
      throw ProtocolException.notProtocol(e.getOriginalMessage(), fields.decodedStart(), e);
    }
    return fields;
  }

  private static Object value(JsonParser p, JsonToken token) {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> p.getString();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
      case START_OBJECT -> strings(p);
      case START_ARRAY -> texts(p);
      default -> {
        p.skipChildren();
        yield Skipped.ARRAY;
      }
    };
  }

  private static Object texts(JsonParser p) {
    List<String> list = new ArrayList<>();
    boolean onlyStrings = true;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_STRING) {
        list.add(p.getString());
      } else {
        onlyStrings = false;
        p.skipChildren();  // a no-op for scalars
      }
    }
    return onlyStrings ? new Texts(List.copyOf(list)) : Skipped.ARRAY;
  }

  private static Strings strings(JsonParser p) {
    Map<String, String> map = new HashMap<>();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      if (p.nextToken() == JsonToken.VALUE_STRING) map.put(name, p.getString());
      else p.skipChildren();  // a no-op for scalars
    }
    return new Strings(map);
  }

  /** The field's value as parsed, or null if it is absent. */
  Object value(String name) {
    return values.get(name);
  }

  /** A field that must be a whole number within a long. */
  long number(String name) throws ProtocolException {
    if (values.get(name) instanceof Long n) return n;
    throw notProtocol(name + " must be a whole number, was " + shown(values.get(name)));
  }

  /** A whole number within a long, or 0 if the field is absent. */
  long numberOrZero(String name) throws ProtocolException {
    return values.containsKey(name) ? number(name) : 0;
  }

  /** A whole number within an int, or 0 if the field is absent. */
  int integerOrZero(String name) throws ProtocolException {
    return values.containsKey(name) ? integer(name) : 0;
  }

  /** A true or false field, false if it is absent. */
  boolean flag(String name) throws ProtocolException {
    Object value = values.get(name);
    if (value == null || value instanceof Boolean) return Boolean.TRUE.equals(value);
    throw notProtocol(name + " must be true or false, was " + shown(value));
  }

  /** An array of strings, or null if the field is absent. */
  List<String> textList(String name) throws ProtocolException {
    Object value = values.get(name);
    if (value == null) return null;
    if (value instanceof Texts t) return t.list();
    String was = value == Skipped.ARRAY ? "an array holding other values" : shown(value);
    throw notProtocol(name + " must be an array of strings, was " + was);
  }

  /** A field that must be a whole number within an int. */
  int integer(String name) throws ProtocolException {
    long n = number(name);
    if (n != (int) n) throw notProtocol(name + " must be a whole number within an int, was " + n);
    return (int) n;
  }

  /** A string field, or null if it is absent. */
  String text(String name) throws ProtocolException {
    Object value = values.get(name);
    if (value == null || value instanceof String) return (String) value;
    throw notProtocol(name + " must be a string, was " + shown(value));
  }

  String requiredText(String name) throws ProtocolException {
    String text = text(name);
    if (text == null) throw notProtocol(name + " is missing");
    return text;
  }

  /** An object field's string-valued fields, or null if it is absent. */
  Map<String, String> strings(String name) throws ProtocolException {
    Object value = values.get(name);
    if (value == null) return null;
    if (value instanceof Strings s) return s.map();
    throw notProtocol(name + " must be an object, was " + shown(value));
  }

  /** How a parsed value reads in a message: strings quoted, an absent one as {@code missing}. */
  static String shown(Object value) {
    return switch (value) {
      case null -> "missing";
      case String s -> '"' + ProtocolException.clipped(s) + '"';
      case Strings ignored -> "an object";
      case Texts ignored -> "an array";
      case Skipped ignored -> "an array";
      default -> value.toString();  // Long, BigInteger, BigDecimal, Boolean
    };
  }

  /** The line is not a message of this protocol; the stream is still in step. */
  ProtocolException notProtocol(String problem) {
    return ProtocolException.notProtocol(problem, decodedStart(), null);
  }

  /**
   * The line is a page message whose body cannot be framed; the stream is out of step.
   * {@code streamEnded}: because the stream ended inside the body.
   */
  FrameException brokenFrame(String problem, boolean streamEnded) {
    return new FrameException("broken page frame (" + problem + "): " + ProtocolException.clipped(decodedStart()), streamEnded);
  }

  /** Enough of the line, decoded, to quote: a UTF-8 character is at most 4 bytes. */
  private String decodedStart() {
    return new String(line, 0, Math.min(length, 4 * ProtocolException.QUOTED), StandardCharsets.UTF_8);
  }
}
