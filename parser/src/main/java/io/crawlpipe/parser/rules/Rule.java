package io.crawlpipe.parser.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One extraction rule: the URLs it applies to and its named fields, in output order. Immutable
 * (the field map is an unmodifiable copy) and thread-safe when its extractors are.
 *
 * @param name unique within its {@link RuleSet}; used in error messages
 * @param url the URLs it applies to
 * @param fields field name (not blank, as in a rules file) to extractor, iterated in the order given
 */
public record Rule(String name, UrlPattern url, Map<String, Extractor> fields) {
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (name.isBlank()) throw new IllegalArgumentException("rule name must not be blank");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    fields.forEach((field, extractor) -> {
      Objects.requireNonNull(field, "field name");
      if (field.isBlank()) throw new IllegalArgumentException("rule \"" + name + "\": field names must not be blank");
      Objects.requireNonNull(extractor, () -> "extractor of field " + field);
    });
  }

  /**
   * This rule with one more field, after the existing ones.
   *
   * @throws IllegalArgumentException when the rule already has a field of that name, or the name is blank
   */
  public Rule withField(String field, Extractor extractor) {
    if (fields.containsKey(field)) {
      throw new IllegalArgumentException("rule \"" + name + "\" already has a field \"" + field + "\"");
    }
    Map<String, Extractor> more = new LinkedHashMap<>(fields);
    more.put(field, extractor);
    return new Rule(name, url, more);
  }
}
