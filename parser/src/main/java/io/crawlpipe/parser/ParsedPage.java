package io.crawlpipe.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the parse stage learnt from a page: its title (null when none or not HTML), the charset
 * used to decode it (null when the body was not decoded) and the extracted fields (never null;
 * values are JSON-like: String, Number, Boolean, List, Map or null).
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
