package io.crawlpipe.parser.rules;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Compiles and validates {@code regex} fields of the rules file. Patterns match as a Python 3 str
 * pattern does: {@code \w}, {@code \d}, {@code \s}, {@code \b} and case folding are Unicode's
 * ({@link Pattern#UNICODE_CHARACTER_CLASS}), unless the pattern turns Python's ASCII flag on
 * ({@link PythonRegex}). Stateless.
 */
final class RegexCompiler {
  private static final Set<String> KEYS = Set.of("regex", "dotall", "ignore_case", "multiline", "all");
  /**
   * The longest regex, and url pattern, a rules file may hold: Java's compiler takes time that grows
   * faster than the square of a long literal (10,000 characters: 0.05 s; 60,000: 3 s; 2,000,000:
   * loading had not ended after 10 minutes).
   */
  static final int MAX_LENGTH = 10_000;

  private RegexCompiler() {}

  static RegexExtractor compile(Spec spec) {
    boolean hasItem = spec.has("item");
    FieldCompiler.checkKeys(spec, KEYS, FieldCompiler.VALUE_AND_STEPS);
    Regex pattern = pattern(spec);
    boolean all = spec.bool("all", true);
    String label = spec.where().label();
    if (hasItem) return new RegexExtractor(label, pattern.compiled(), all, null, item(spec, pattern), PostProcess.NONE);
    String value = spec.optionalString("value");
    Template template = value == null ? null : template(spec.where(), value, pattern);
    return new RegexExtractor(label, pattern.compiled(), all, template, null, PostProcess.from(spec));
  }

  /** A compiled pattern and its named groups by the names the rules file gives them. */
  private record Regex(Pattern compiled, Map<String, Integer> named) {}

  /**
   * Refuses a pattern longer than {@link #MAX_LENGTH}.
   *
   * @param what how the message names it ({@code regex}, {@code url pattern})
   * @throws IllegalArgumentException naming it, shortened, and both lengths
   */
  static void checkLength(String what, String pattern) {
    if (pattern.length() <= MAX_LENGTH) return;
    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is longer than a %s may be (%,d characters)",
        what, Snippet.quoted(pattern), what, MAX_LENGTH));
  }

  private static Regex pattern(Spec spec) {
    String regex = spec.string("regex");
    try {
      checkLength("regex", regex);
    } catch (IllegalArgumentException e) {
      throw spec.error(e.getMessage(), e);
    }
    int flags = Pattern.UNICODE_CHARACTER_CLASS | (spec.bool("dotall", true) ? Pattern.DOTALL : 0);
    if (spec.bool("ignore_case", false)) flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    if (spec.bool("multiline", false)) flags |= Pattern.MULTILINE;
    PythonRegex java;
    try {
      java = PythonRegex.translate(regex);
    } catch (PatternSyntaxException e) {
      throw spec.error("regex does not compile: " + e.getDescription() + " near index " + e.getIndex(), e);
    }
    try {
      Pattern compiled = Pattern.compile(java.java(), flags);
      return new Regex(compiled, java.namedGroups(compiled));
    } catch (PatternSyntaxException e) {
      String near = e.getIndex() < 0 ? "" : " near index " + java.userIndex(e.getIndex());
      throw spec.error("regex does not compile: " + java.userText(e.getDescription()) + near, e);
    }
  }

  /** One object per match: each item field is a template string or {@code {"value": ..., steps}}. */
  private static Map<String, RegexExtractor.ItemField> item(Spec spec, Regex pattern) {
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
      if (!node.isObject()) {
        throw where.error("an item field of a regex must be a template string (\"${1}\") or a JSON object"
            + " ({\"value\": \"${1}\", ...steps})");
      }
      Spec field = new Spec(node, where);
      field.allowOnly(FieldCompiler.VALUE_AND_STEPS);
      Template template = template(where, field.string("value"), pattern);
      fields.put(name, new RegexExtractor.ItemField(template, PostProcess.from(field)));
    }
    if (fields.isEmpty()) throw spec.error("\"item\" must have at least one field");
    return fields;
  }

  private static Template template(Where where, String template, Regex pattern) {
    try {
      return Template.parse(template, pattern.compiled().matcher("").groupCount(), pattern.named());
    } catch (IllegalArgumentException e) {
      throw where.error(e.getMessage(), e);
    }
  }
}
