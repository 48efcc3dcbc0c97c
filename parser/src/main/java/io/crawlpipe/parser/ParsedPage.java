package io.crawlpipe.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the parse stage learnt from a page: its title (null when none or not HTML), the charset
 * used to decode it (null when the body was not decoded) and the extracted fields (never null).
 *
 * <p>The fields' values are best JSON-like: null, a String, a Boolean, an Integer, Long, Short,
 * Byte, BigInteger or BigDecimal, a finite Double or Float, or a List, {@code Object[]} or Map with
 * String keys of such values; other values are written as Jackson's databind writes them (an enum
 * as its name, a Set as an array). The crawler checks them before storing the page's line (the
 * store's {@code JsonData.writeProblem}): NaN, nesting over 498 deep, a list or map inside itself,
 * or a value databind fails on (a jsoup {@code Element}) makes that page an {@code extract_error}
 * (see {@link PageParser}). This record does not check them; it copies the map, not the values in it.
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
