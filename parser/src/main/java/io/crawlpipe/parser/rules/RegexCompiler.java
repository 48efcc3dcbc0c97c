package io.crawlpipe.parser.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/** Compiles and validates {@code regex} fields of the rules file. Stateless. */
final class RegexCompiler {
  private static final Set<String> KEYS = Set.of("regex", "dotall", "ignore_case", "multiline", "all");

  private RegexCompiler() {}

  static RegexExtractor compile(Spec spec) {
    boolean hasItem = spec.has("item");
    FieldCompiler.checkKeys(spec, KEYS, FieldCompiler.VALUE_AND_STEPS);
    Pattern pattern = pattern(spec);
    boolean all = spec.bool("all", true);
    String label = spec.where().label();
    if (hasItem) return new RegexExtractor(label, pattern, all, null, item(spec, pattern), PostProcess.NONE);
    String value = spec.optionalString("value");
    Template template = value == null ? null : template(spec.where(), value, pattern);
    return new RegexExtractor(label, pattern, all, template, null, PostProcess.from(spec));
  }

  private static Pattern pattern(Spec spec) {
    String regex = spec.string("regex");
    int flags = spec.bool("dotall", true) ? Pattern.DOTALL : 0;
    if (spec.bool("ignore_case", false)) flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    if (spec.bool("multiline", false)) flags |= Pattern.MULTILINE;
    try {
      return Pattern.compile(fromPython(regex), flags);
    } catch (PatternSyntaxException e) {
      throw spec.error("regex does not compile: " + e.getDescription() + " near index " + e.getIndex(), e);
    }
  }

  /** One object per match: each item field is a template string or {@code {"value": ..., steps}}. */
  private static Map<String, RegexExtractor.ItemField> item(Spec spec, Pattern pattern) {
    Spec item = spec.optionalObject("item");
    Map<String, RegexExtractor.ItemField> fields = new LinkedHashMap<>();
    for (String name : item.node().propertyNames()) {
      Where where = spec.where().field(name);
      JsonNode node = item.get(name);
      if (node.isString()) {
        fields.put(name, new RegexExtractor.ItemField(template(where, node.stringValue(), pattern),
            PostProcess.NONE));
        continue;
      }
      Spec field = Spec.of(node, where, "an item field of a regex");
      field.allowOnly(FieldCompiler.VALUE_AND_STEPS);
      Template template = template(where, field.string("value"), pattern);
      fields.put(name, new RegexExtractor.ItemField(template, PostProcess.from(field)));
    }
    if (fields.isEmpty()) throw spec.error("\"item\" must have at least one field");
    return fields;
  }

  private static Template template(Where where, String template, Pattern pattern) {
    try {
      return Template.parse(template, pattern);
    } catch (IllegalArgumentException e) {
      throw where.error(e.getMessage(), e);
    }
  }

  /**
   * Python's named-group syntax in Java's: {@code (?P<name>...)} becomes {@code (?<name>...)} and
   * {@code (?P=name)} becomes {@code \k<name>}, so that patterns can be copied from Python code.
   */
  static String fromPython(String regex) {
    StringBuilder out = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      int close = regex.startsWith("(?P=", i) ? regex.indexOf(')', i) : -1;
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (regex.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (close > 0) {
        out.append("\\k<").append(regex, i + 4, close).append('>');
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
