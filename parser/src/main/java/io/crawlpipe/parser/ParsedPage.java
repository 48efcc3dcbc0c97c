package io.crawlpipe.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the parse stage learnt from a page: its title (null when none or not HTML), the charset
 * used to decode it (null when the body was not decoded) and the extracted fields (never null).
 *
 * <p>The fields' values must be JSON-like: null, a String, a Boolean, a Character or an enum
 * constant, an Integer, Long, Short, Byte, BigInteger, BigDecimal, AtomicInteger or AtomicLong, a
 * finite Double or Float, or a Collection, {@code Object[]}, primitive array (not byte[] or char[])
 * or Map with String, Character, number or enum keys of such values, nested at most 498 deep, with no
 * collection or map inside itself. The crawler checks them before storing the page's line (the rule
 * is the store's {@code JsonData}): a value that breaks it (a jsoup {@code Element}, a bean, a
 * Stream, NaN) makes that page an {@code extract_error} (see {@link PageParser}). This record does
 * not check them; it copies the map, not the values in it.
 */
public record ParsedPage(String title, String charset, Map<String, Object> data) {
  public ParsedPage {
    data = data == null || data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** Nothing parsed: a body that is not text, or not HTML in the default extraction. */
  public static ParsedPage unparsed(String charset) {
    return new ParsedPage(null, charset, Map.of());
  }
}
